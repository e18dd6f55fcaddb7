package dev.voxgate.sdk;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TimestampGranularity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The optional parts of a one-call {@link Voxgate#transcription}: LiteLLM's keyword arguments in typed form.
 *
 * @param fallbacks              models to try in order when {@code model} fails ({@code provider/model} or bare
 *                               OpenAI names)
 * @param timeout                deadline for the whole call, retries and fallbacks included
 * @param numRetries             retries per model after the first attempt (default 2)
 * @param mockTestingFallbacks   fail the first model at once, without calling it, to exercise the fallbacks
 * @param language               ISO-639-1 hint
 * @param prompt                 style or continuation prompt
 * @param responseFormat         the transcript format (default json)
 * @param temperature            sampling temperature 0–1
 * @param timestampGranularities timing detail for verbose_json
 * @param apiKey                 key for {@code model} instead of the provider's environment variable
 * @param apiBase                base URL for {@code model} instead of the provider's default
 * @param apiVersion             API version for {@code model} (Azure)
 * @param providerParams         vendor-specific parameters, passed through by name
 * @param environment            where provider keys and base URLs are read (default: the process environment)
 */
public record TranscriptionOptions(
        List<String> fallbacks,
        Optional<Duration> timeout,
        Optional<Integer> numRetries,
        boolean mockTestingFallbacks,
        Optional<String> language,
        Optional<String> prompt,
        ResponseFormat responseFormat,
        Optional<Double> temperature,
        List<TimestampGranularity> timestampGranularities,
        Optional<Secret> apiKey,
        Optional<String> apiBase,
        Optional<String> apiVersion,
        Map<String, String> providerParams,
        EnvironmentSource environment) {

    public TranscriptionOptions {
        fallbacks = List.copyOf(fallbacks);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(numRetries, "numRetries");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(responseFormat, "responseFormat");
        Objects.requireNonNull(temperature, "temperature");
        timestampGranularities = List.copyOf(timestampGranularities);
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(apiVersion, "apiVersion");
        providerParams = Map.copyOf(providerParams);
        Objects.requireNonNull(environment, "environment");
    }

    /** No options: json, the process environment, the router's default retries. */
    public static TranscriptionOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TranscriptionOptions}; not thread-safe. */
    public static final class Builder {
        private final List<String> fallbacks = new ArrayList<>();
        private Duration timeout;
        private Integer numRetries;
        private boolean mockTestingFallbacks;
        private String language;
        private String prompt;
        private ResponseFormat responseFormat = ResponseFormat.JSON;
        private Double temperature;
        private final List<TimestampGranularity> timestampGranularities = new ArrayList<>();
        private Secret apiKey;
        private String apiBase;
        private String apiVersion;
        private final Map<String, String> providerParams = new LinkedHashMap<>();
        private EnvironmentSource environment = EnvironmentSource.system();

        private Builder() {
        }

        public Builder fallbacks(List<String> models) {
            fallbacks.clear();
            fallbacks.addAll(models);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder numRetries(int numRetries) {
            this.numRetries = numRetries;
            return this;
        }

        public Builder mockTestingFallbacks(boolean mockTestingFallbacks) {
            this.mockTestingFallbacks = mockTestingFallbacks;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder timestampGranularities(List<TimestampGranularity> granularities) {
            timestampGranularities.clear();
            timestampGranularities.addAll(granularities);
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = Secret.of(apiKey);
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

        public Builder providerParam(String name, String value) {
            providerParams.put(name, value);
            return this;
        }

        public Builder environment(EnvironmentSource environment) {
            this.environment = environment;
            return this;
        }

        public TranscriptionOptions build() {
            return new TranscriptionOptions(fallbacks, Optional.ofNullable(timeout), Optional.ofNullable(numRetries),
                    mockTestingFallbacks, Optional.ofNullable(language), Optional.ofNullable(prompt), responseFormat,
                    Optional.ofNullable(temperature), timestampGranularities, Optional.ofNullable(apiKey),
                    Optional.ofNullable(apiBase), Optional.ofNullable(apiVersion), providerParams, environment);
        }
    }
}
