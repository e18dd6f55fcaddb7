package dev.voxgate.sdk;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.router.CallOptions;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The optional parts of a one-call {@link Voxgate#transcription(String, AudioInput, TranscriptionOptions)}, LiteLLM's
 * keyword arguments composed from the types that own them: what is asked of the audio goes on the core
 * {@link TranscriptionRequest.Builder} ({@code language}, {@code prompt}, {@code response_format},
 * {@code temperature}, {@code timestamp_granularities}, vendor parameters), how the call is routed on the router's
 * {@link CallOptions} ({@code fallbacks}, {@code timeout}, {@code num_retries}, {@code mock_testing_fallbacks}), the
 * caller's {@code api_key}, {@code api_base} and {@code api_version} on {@link CallOptions#credentials()}, and where
 * keys and base URLs are read from on the {@link EnvironmentSource}.
 *
 * <pre>{@code
 * TranscriptionOptions.builder()
 *         .request(request -> request.language("de").responseFormat(ResponseFormat.VERBOSE_JSON))
 *         .call(call -> call.fallbacks(List.of("azure/whisper-eu")).numRetries(1))
 *         .apiKey(key)
 *         .build();
 * }</pre>
 *
 * <p>Immutable; thread-safe when the {@link Builder#request} steps are.
 */
public final class TranscriptionOptions {

    private static final TranscriptionOptions DEFAULTS = builder().build();

    private final Consumer<TranscriptionRequest.Builder> request;
    private final CallOptions call;
    private final EnvironmentSource environment;
    private final ProviderCatalog catalog;

    private TranscriptionOptions(Builder builder) {
        this.request = builder.request;
        this.call = builder.call.build();
        this.environment = builder.environment;
        this.catalog = builder.catalog;
    }

    /** No options: json, the router's default retries, the process environment and the built-in providers. */
    public static TranscriptionOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request for {@code audio} to {@code model}, with the {@link Builder#request} steps applied in order. */
    public TranscriptionRequest request(String model, AudioInput audio) {
        TranscriptionRequest.Builder builder = TranscriptionRequest.builder(model, audio);
        request.accept(builder);
        return builder.build();
    }

    /** How the call is routed, the caller's own credentials included. */
    public CallOptions call() {
        return call;
    }

    /** Where provider keys and base URLs are read (default: the process environment). */
    public EnvironmentSource environment() {
        return environment;
    }

    /** The providers a model name may name (default: the built-ins). */
    public ProviderCatalog catalog() {
        return catalog;
    }

    /** Builds {@link TranscriptionOptions}; not thread-safe. */
    public static final class Builder {
        private Consumer<TranscriptionRequest.Builder> request = builder -> { };
        private final CallOptions.Builder call = CallOptions.builder();
        private Optional<Secret> apiKey = Optional.empty();
        private Optional<String> apiBase = Optional.empty();
        private Optional<String> apiVersion = Optional.empty();
        private EnvironmentSource environment = Voxgate.PROCESS_ENVIRONMENT;
        private ProviderCatalog catalog = Voxgate.BUILT_IN;

        private Builder() {
        }

        /** Adds a step that sets parts of the request, after the steps added before it. */
        public Builder request(Consumer<TranscriptionRequest.Builder> step) {
            request = request.andThen(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Sets parts of the call's {@link CallOptions}; fallbacks are model groups or, here, {@code provider/model}
         * (or bare OpenAI) names.
         */
        public Builder call(Consumer<CallOptions.Builder> step) {
            Objects.requireNonNull(step, "step").accept(call);
            return this;
        }

        /** Where provider keys and base URLs are read (default: the process environment). */
        public Builder environment(EnvironmentSource environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** LiteLLM's {@code api_key}: the caller's own key for {@code model}, as {@link CallOptions#credentials()}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Optional.of(Secret.of(apiKey));
            return this;
        }

        /** LiteLLM's {@code api_base}: a base URL for {@code model}; needs {@link #apiKey} too. */
        public Builder apiBase(String apiBase) {
            this.apiBase = Optional.of(apiBase);
            return this;
        }

        /** LiteLLM's {@code api_version} (Azure); needs {@link #apiKey} too. */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = Optional.of(apiVersion);
            return this;
        }

        /** The providers model names may name, e.g. the built-ins plus the local engine. */
        public Builder catalog(ProviderCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * The options; {@link #apiKey}, {@link #apiBase} and {@link #apiVersion}, when any is given, replace the
         * credentials a {@link #call} step set.
         *
         * @throws dev.voxgate.core.error.TranscriptionException with {@code InvalidRequest} on {@code api_key} when
         *                                                       a base URL or an API version comes without a key
         */
        public TranscriptionOptions build() {
            if (apiKey.isPresent() || apiBase.isPresent() || apiVersion.isPresent()) {
                call.credentials(new CallerCredentials(apiKey, apiBase, apiVersion));
            }
            return new TranscriptionOptions(this);
        }
    }
}
