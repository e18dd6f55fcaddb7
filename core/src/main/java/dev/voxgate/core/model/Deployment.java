package dev.voxgate.core.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One concrete backend of a model group: a provider, its model, its credentials and its limits. LiteLLM's
 * {@code model_list[]} entry ({@code litellm_params} + {@code model_info}) becomes one of these.
 *
 * @param id                  stable id ({@code model_info.id}, else derived from the parameters)
 * @param modelName           the model group it serves ({@code model_name})
 * @param provider            provider id, e.g. {@code openai}, {@code azure}
 * @param providerModel       the model (or Azure deployment) name at the provider, e.g. {@code whisper-1}
 * @param apiKey              the provider key; empty means the provider's environment default
 * @param apiBase             the provider base URL; empty means the provider's environment default or built-in
 * @param apiVersion          the API version (Azure)
 * @param timeout             per-attempt timeout for this deployment
 * @param weight              relative share of traffic in its group
 * @param rpm                 requests per minute it may take
 * @param tpm                 audio seconds per calendar minute it may take (LiteLLM's tokens per minute, for speech)
 * @param order               priority tier: lower is tried first
 * @param maxParallelRequests how many calls may be in flight at once
 * @param cooldownTime        how long it rests after failing; zero disables cooldown for it
 * @param params              vendor-specific parameters passed through by name
 * @param dropParams          drop request parameters the provider does not accept instead of refusing the call
 *                            (LiteLLM's {@code drop_params})
 * @param maxUploadBytes      the largest audio file this deployment is sent ({@code max_file_size_mb})
 * @param capabilityOverrides corrections to what its provider declares it can do ({@code model_info})
 * @param price               what its vendor charges, when the config says ({@code input_cost_per_second}); else
 *                            {@link PriceTable#priceOf} finds the built-in price of its model
 */
public record Deployment(
        String id,
        String modelName,
        String provider,
        String providerModel,
        Optional<Secret> apiKey,
        Optional<String> apiBase,
        Optional<String> apiVersion,
        Optional<Duration> timeout,
        Optional<Double> weight,
        Optional<Integer> rpm,
        Optional<Integer> tpm,
        Optional<Integer> order,
        Optional<Integer> maxParallelRequests,
        Optional<Duration> cooldownTime,
        Map<String, ParamValue> params,
        boolean dropParams,
        Optional<Long> maxUploadBytes,
        CapabilityOverrides capabilityOverrides,
        Optional<Price> price) {

    public Deployment {
        Require.text(id, "id");
        Require.text(modelName, "modelName");
        Require.text(provider, "provider");
        Require.text(providerModel, "providerModel");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(timeout, "timeout");
        timeout.ifPresent(value -> Require.positive(value, "timeout"));
        Require.nonNegative(weight, "weight");
        weight.filter(value -> value.isInfinite()).ifPresent(value -> {
            throw new IllegalArgumentException("weight must be finite, was " + value);
        });
        Require.nonNegative(rpm, "rpm");
        Require.nonNegative(tpm, "tpm");
        Objects.requireNonNull(order, "order");
        Require.nonNegative(maxParallelRequests, "maxParallelRequests");
        Objects.requireNonNull(cooldownTime, "cooldownTime").filter(Duration::isNegative).ifPresent(value -> {
            throw new IllegalArgumentException("cooldownTime must not be negative, was " + value);
        });
        params = ParamValue.normalized(params);
        Require.positiveBytes(maxUploadBytes, "maxUploadBytes");
        Objects.requireNonNull(capabilityOverrides, "capabilityOverrides");
        Objects.requireNonNull(price, "price");
    }

    /** What {@code declared} (its provider's knowledge) becomes with this deployment's limits and overrides. */
    public Capabilities capabilities(Capabilities declared) {
        Capabilities corrected = capabilityOverrides.applyTo(declared);
        return maxUploadBytes.isPresent() ? corrected.withMaxUploadBytes(maxUploadBytes) : corrected;
    }

    /** {@code provider/providerModel}, the name LiteLLM writes in {@code litellm_params.model}. */
    public String qualifiedModel() {
        return provider + "/" + providerModel;
    }

    public static Builder builder(String id, String modelName, String provider, String providerModel) {
        return new Builder(id, modelName, provider, providerModel);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(id, modelName, provider, providerModel);
        builder.apiKey = apiKey.orElse(null);
        builder.apiBase = apiBase.orElse(null);
        builder.apiVersion = apiVersion.orElse(null);
        builder.timeout = timeout.orElse(null);
        builder.weight = weight.orElse(null);
        builder.rpm = rpm.orElse(null);
        builder.tpm = tpm.orElse(null);
        builder.order = order.orElse(null);
        builder.maxParallelRequests = maxParallelRequests.orElse(null);
        builder.cooldownTime = cooldownTime.orElse(null);
        builder.params.putAll(params);
        builder.dropParams = dropParams;
        builder.maxUploadBytes = maxUploadBytes.orElse(null);
        builder.capabilityOverrides = capabilityOverrides;
        builder.price = price.orElse(null);
        return builder;
    }

    /** Builds a {@link Deployment}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String modelName;
        private final String provider;
        private final String providerModel;
        private Secret apiKey;
        private String apiBase;
        private String apiVersion;
        private Duration timeout;
        private Double weight;
        private Integer rpm;
        private Integer tpm;
        private Integer order;
        private Integer maxParallelRequests;
        private Duration cooldownTime;
        private final Map<String, ParamValue> params = new LinkedHashMap<>();
        private boolean dropParams;
        private Long maxUploadBytes;
        private CapabilityOverrides capabilityOverrides = CapabilityOverrides.NONE;
        private Price price;

        private Builder(String id, String modelName, String provider, String providerModel) {
            this.id = id;
            this.modelName = modelName;
            this.provider = provider;
            this.providerModel = providerModel;
        }

        public Builder apiKey(Secret apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder apiBase(String apiBase) {
            this.apiBase = apiBase;
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder weight(Double weight) {
            this.weight = weight;
            return this;
        }

        public Builder rpm(Integer rpm) {
            this.rpm = rpm;
            return this;
        }

        public Builder tpm(Integer tpm) {
            this.tpm = tpm;
            return this;
        }

        public Builder order(Integer order) {
            this.order = order;
            return this;
        }

        public Builder maxParallelRequests(Integer maxParallelRequests) {
            this.maxParallelRequests = maxParallelRequests;
            return this;
        }

        public Builder cooldownTime(Duration cooldownTime) {
            this.cooldownTime = cooldownTime;
            return this;
        }

        /**
         * Adds {@code name=value} as a form field reads: {@code name[]} adds to a list, {@code name[key]} to a map, a
         * plain name given again makes a list (see {@link ParamValue#add}).
         */
        public Builder param(String name, String value) {
            ParamValue.add(params, name, value);
            return this;
        }

        /** Sets parameter {@code name} to {@code value}, replacing what it had. */
        public Builder param(String name, ParamValue value) {
            params.putAll(ParamValue.normalized(Map.of(name, value)));
            return this;
        }

        public Builder params(Map<String, ParamValue> values) {
            params.putAll(ParamValue.normalized(values));
            return this;
        }

        public Builder dropParams(boolean dropParams) {
            this.dropParams = dropParams;
            return this;
        }

        public Builder maxUploadBytes(Long maxUploadBytes) {
            this.maxUploadBytes = maxUploadBytes;
            return this;
        }

        public Builder capabilityOverrides(CapabilityOverrides overrides) {
            this.capabilityOverrides = overrides;
            return this;
        }

        public Builder price(Price price) {
            this.price = price;
            return this;
        }

        public Deployment build() {
            return new Deployment(id, modelName, provider, providerModel, Optional.ofNullable(apiKey),
                    Optional.ofNullable(apiBase), Optional.ofNullable(apiVersion), Optional.ofNullable(timeout),
                    Optional.ofNullable(weight), Optional.ofNullable(rpm), Optional.ofNullable(tpm),
                    Optional.ofNullable(order), Optional.ofNullable(maxParallelRequests),
                    Optional.ofNullable(cooldownTime), params, dropParams, Optional.ofNullable(maxUploadBytes),
                    capabilityOverrides, Optional.ofNullable(price));
        }
    }
}
