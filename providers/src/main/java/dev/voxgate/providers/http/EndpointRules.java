package dev.voxgate.providers.http;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Where one vendor is and how it takes its key, and the one way a deployment's {@link Endpoint} is resolved from
 * them, the same for every vendor, in LiteLLM's order:
 * <ul>
 *   <li>base URL: {@code api_base}, else the first set of the vendor's base variables, else its public default;
 *       whitespace and trailing slashes stripped; it must be an http(s) URL. Without one, or with another kind of
 *       URL, every call fails with {@code InvalidRequest} saying what to set (never repeating the value, which can
 *       hold credentials).</li>
 *   <li>key: {@code api_key}, else the first set of the vendor's key variables; when the vendor requires one
 *       ({@link KeyRequirement}) and none is set, every call fails with {@code AuthenticationFailed} naming
 *       them.</li>
 *   <li>API version, for a vendor that takes one (Azure): {@code api_version}, else its variable, else its
 *       default.</li>
 *   <li>headers taken from environment variables (OpenAI's {@code OpenAI-Organization}).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param providerId      the provider id, e.g. {@code deepgram}
 * @param baseVariables   environment variables for the base URL, first set wins
 * @param defaultBase     the vendor's public base URL, when it has one
 * @param keyVariables    environment variables for the key, first set wins
 * @param keyRequirement  when a call without a key fails rather than being sent without one
 * @param keyHeader       the header that carries the key
 * @param version         the API version rule, for a vendor that takes one
 * @param headerVariables extra headers taken from environment variables (header name to variable)
 */
public record EndpointRules(String providerId, List<String> baseVariables, Optional<HttpUrl> defaultBase,
                            List<String> keyVariables, KeyRequirement keyRequirement, KeyHeader keyHeader,
                            Optional<ApiVersion> version, Map<String, String> headerVariables) {

    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    public EndpointRules {
        Objects.requireNonNull(providerId, "providerId");
        baseVariables = List.copyOf(baseVariables);
        Objects.requireNonNull(defaultBase, "defaultBase");
        keyVariables = List.copyOf(keyVariables);
        Objects.requireNonNull(keyRequirement, "keyRequirement");
        Objects.requireNonNull(keyHeader, "keyHeader");
        Objects.requireNonNull(version, "version");
        headerVariables = Map.copyOf(headerVariables);
    }

    /**
     * An API version sent with every call.
     *
     * @param variable       the environment variable read when the deployment sets no {@code api_version}
     * @param defaultVersion the version sent when neither sets one
     */
    public record ApiVersion(String variable, String defaultVersion) {
        public ApiVersion {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(defaultVersion, "defaultVersion");
        }
    }

    /** Rules for {@code providerId}: no default base, a key always required in a bearer header, no version. */
    public static Builder builder(String providerId) {
        return new Builder(providerId);
    }

    /** Where {@code deployment} is called, with defaults from {@code environment}. */
    public Endpoint resolve(Deployment deployment, EnvironmentSource environment) {
        Optional<String> base = deployment.apiBase().filter(value -> !value.isBlank())
                .or(() -> environment.firstOf(baseVariables.toArray(String[]::new)))
                .or(() -> defaultBase.map(HttpUrl::toString));
        if (base.isEmpty()) {
            return new Endpoint.Misconfigured(InvalidRequest.of("no api_base for deployment '" + deployment.id()
                    + "': set litellm_params.api_base" + orVariables(baseVariables)));
        }
        HttpUrl url = HttpUrl.parse(TRAILING_SLASHES.matcher(base.get().strip()).replaceAll(""));
        if (url == null) {
            return new Endpoint.Misconfigured(InvalidRequest.of("the api_base of deployment '" + deployment.id()
                    + "' is not an http(s) URL"));
        }
        Optional<Secret> key = deployment.apiKey()
                .or(() -> environment.firstOf(keyVariables.toArray(String[]::new)).map(Secret::of));
        if (key.isEmpty() && needsKey(url)) {
            return new Endpoint.Misconfigured(new AuthenticationFailed("no API key for deployment '"
                    + deployment.id() + "': set litellm_params.api_key" + orVariables(keyVariables)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headerVariables.forEach((header, variable) ->
                environment.get(variable).ifPresent(value -> headers.put(header, value)));
        return new Endpoint.Ready(url, version.map(rule -> versionOf(rule, deployment, environment)), keyHeader, key,
                headers);
    }

    private boolean needsKey(HttpUrl base) {
        return switch (keyRequirement) {
            case ALWAYS -> true;
            case NEVER -> false;
            case FOR_DEFAULT_HOST -> defaultBase.filter(known -> known.host().equalsIgnoreCase(base.host()))
                    .isPresent();
        };
    }

    private static String versionOf(ApiVersion rule, Deployment deployment, EnvironmentSource environment) {
        return deployment.apiVersion().filter(value -> !value.isBlank())
                .or(() -> environment.get(rule.variable()))
                .orElse(rule.defaultVersion())
                .strip();
    }

    private static String orVariables(List<String> variables) {
        return variables.isEmpty() ? "" : " or " + String.join(" or ", variables);
    }

    /** Builds {@link EndpointRules}; not thread-safe. */
    public static final class Builder {
        private final String providerId;
        private final List<String> baseVariables = new ArrayList<>();
        private HttpUrl defaultBase;
        private final List<String> keyVariables = new ArrayList<>();
        private KeyRequirement keyRequirement = KeyRequirement.ALWAYS;
        private KeyHeader keyHeader = KeyHeader.bearer();
        private ApiVersion version;
        private final Map<String, String> headerVariables = new LinkedHashMap<>();

        private Builder(String providerId) {
            this.providerId = Objects.requireNonNull(providerId, "providerId");
        }

        public Builder baseVariables(String... names) {
            baseVariables.addAll(List.of(names));
            return this;
        }

        /** @throws IllegalArgumentException when {@code base} is not an http(s) URL */
        public Builder defaultBase(String base) {
            this.defaultBase = HttpUrl.get(base);
            return this;
        }

        public Builder keyVariables(String... names) {
            keyVariables.addAll(List.of(names));
            return this;
        }

        public Builder keyRequirement(KeyRequirement requirement) {
            this.keyRequirement = requirement;
            return this;
        }

        public Builder keyHeader(KeyHeader header) {
            this.keyHeader = header;
            return this;
        }

        /** Sends an API version: {@code api_version}, else {@code variable}, else {@code defaultVersion}. */
        public Builder apiVersion(String variable, String defaultVersion) {
            this.version = new ApiVersion(variable, defaultVersion);
            return this;
        }

        public Builder headerFromVariable(String header, String variable) {
            headerVariables.put(header, variable);
            return this;
        }

        public EndpointRules build() {
            return new EndpointRules(providerId, baseVariables, Optional.ofNullable(defaultBase), keyVariables,
                    keyRequirement, keyHeader, Optional.ofNullable(version), headerVariables);
        }
    }
}
