package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * What sets one OpenAI-compatible vendor apart from another: where its URL comes from, how the key is sent, which
 * environment variables supply defaults, and which response formats it can produce.
 *
 * @param providerId       the provider id, e.g. {@code openai}
 * @param apiKeyVariables  environment variables for the key, first set wins
 * @param apiBaseVariables environment variables for the base URL, first set wins
 * @param defaultApiBase   the base URL when neither the deployment nor the environment gives one
 * @param auth             the header that carries the key
 * @param keyRequirement   when a call without a key fails rather than being sent without one
 * @param layout           how the transcription URL is built from the base URL
 * @param responseFormats  the formats the vendor produces; others fail before any call
 * @param headerVariables  extra headers taken from environment variables (header name to variable)
 */
public record OpenAiCompatProfile(
        String providerId,
        List<String> apiKeyVariables,
        List<String> apiBaseVariables,
        Optional<String> defaultApiBase,
        Auth auth,
        KeyRequirement keyRequirement,
        EndpointLayout layout,
        Set<ResponseFormat> responseFormats,
        Map<String, String> headerVariables) {

    public OpenAiCompatProfile {
        Objects.requireNonNull(providerId, "providerId");
        apiKeyVariables = List.copyOf(apiKeyVariables);
        apiBaseVariables = List.copyOf(apiBaseVariables);
        Objects.requireNonNull(defaultApiBase, "defaultApiBase");
        defaultApiBase.ifPresent(base -> {
            if (HttpUrl.parse(base) == null) {
                throw new IllegalArgumentException("defaultApiBase is not an http(s) URL: " + base);
            }
        });
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(keyRequirement, "keyRequirement");
        Objects.requireNonNull(layout, "layout");
        responseFormats = Set.copyOf(responseFormats);
        headerVariables = Map.copyOf(headerVariables);
    }

    /** A profile of {@code providerId} with OpenAI's defaults: bearer key, always required, all formats. */
    public static Builder builder(String providerId) {
        return new Builder(providerId);
    }

    /** The header that carries the key: {@code name: prefix + key}. */
    public record Auth(String header, String prefix) {
        public Auth {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(prefix, "prefix");
        }

        /** {@code Authorization: Bearer <key>}. */
        public static Auth bearer() {
            return new Auth("Authorization", "Bearer ");
        }

        /** The key alone in header {@code name}, e.g. Azure's {@code api-key}. */
        public static Auth header(String name) {
            return new Auth(name, "");
        }

        String value(Secret key) {
            return prefix + key.reveal();
        }
    }

    /** When a call needs a key. */
    public enum KeyRequirement {
        /** Always: a call without a key fails with {@code AuthenticationFailed}. */
        ALWAYS,
        /** Only against the default base's host; a self-hosted server at another base is called without one. */
        FOR_DEFAULT_HOST,
        /** Never: the vendor takes no key, one is sent only when configured. */
        NEVER
    }

    /** Builds the transcription URL of a deployment from its base URL. */
    @FunctionalInterface
    public interface EndpointLayout {
        HttpUrl transcriptionsUrl(HttpUrl apiBase, Deployment deployment, EnvironmentSource environment);

        /** OpenAI's: {@code {base}/audio/transcriptions}. */
        static EndpointLayout openAi() {
            return (base, deployment, environment) -> base.newBuilder().addPathSegments("audio/transcriptions").build();
        }
    }

    /** Builds an {@link OpenAiCompatProfile}; not thread-safe. */
    public static final class Builder {
        private final String providerId;
        private final List<String> apiKeyVariables = new ArrayList<>();
        private final List<String> apiBaseVariables = new ArrayList<>();
        private String defaultApiBase;
        private Auth auth = Auth.bearer();
        private KeyRequirement keyRequirement = KeyRequirement.ALWAYS;
        private EndpointLayout layout = EndpointLayout.openAi();
        private final Set<ResponseFormat> responseFormats = EnumSet.allOf(ResponseFormat.class);
        private final Map<String, String> headerVariables = new LinkedHashMap<>();

        private Builder(String providerId) {
            this.providerId = providerId;
        }

        public Builder apiKeyVariables(String... names) {
            apiKeyVariables.addAll(List.of(names));
            return this;
        }

        public Builder apiBaseVariables(String... names) {
            apiBaseVariables.addAll(List.of(names));
            return this;
        }

        public Builder defaultApiBase(String base) {
            this.defaultApiBase = base;
            return this;
        }

        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        public Builder keyRequirement(KeyRequirement requirement) {
            this.keyRequirement = requirement;
            return this;
        }

        public Builder layout(EndpointLayout layout) {
            this.layout = layout;
            return this;
        }

        public Builder responseFormats(Set<ResponseFormat> formats) {
            responseFormats.clear();
            responseFormats.addAll(formats);
            return this;
        }

        public Builder headerFromVariable(String header, String variable) {
            headerVariables.put(header, variable);
            return this;
        }

        public OpenAiCompatProfile build() {
            return new OpenAiCompatProfile(providerId, apiKeyVariables, apiBaseVariables,
                    Optional.ofNullable(defaultApiBase), auth, keyRequirement, layout, responseFormats,
                    headerVariables);
        }
    }
}
