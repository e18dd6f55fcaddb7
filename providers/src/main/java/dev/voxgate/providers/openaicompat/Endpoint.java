package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile.Auth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Where and how a deployment is called, resolved once from the deployment, the environment and the profile: either
 * ready, or misconfigured with the failure every call reports (the factory contract defers such errors to calls).
 */
sealed interface Endpoint {

    /** The key that calls send, for redaction; empty when none is sent or the endpoint is misconfigured. */
    Optional<Secret> key();

    /** A usable endpoint. The key is held as a {@link Secret}, so this record's string form never shows it. */
    record Ready(HttpUrl url, Auth auth, Optional<Secret> key, Map<String, String> headers) implements Endpoint {
        public Ready {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(key, "key");
            headers = Map.copyOf(headers);
        }

        /** A request to this endpoint's transcriptions URL with its key and headers. */
        Request.Builder request() {
            return request(url);
        }

        /**
         * A request to this endpoint's translations URL: OpenAI-compatible vendors serve {@code …/audio/translations}
         * beside {@code …/audio/transcriptions}, with the same query (Azure's {@code api-version}).
         */
        Request.Builder translationRequest() {
            return request(url.newBuilder().setPathSegment(url.pathSize() - 1, "translations").build());
        }

        private Request.Builder request(HttpUrl target) {
            Request.Builder builder = new Request.Builder().url(target);
            headers.forEach(builder::header);
            key.ifPresent(secret -> builder.header(auth.header(), auth.value(secret)));
            return builder;
        }
    }

    /** A deployment that cannot be called as configured. */
    record Misconfigured(TranscriptionFailure failure) implements Endpoint {
        public Misconfigured {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public Optional<Secret> key() {
            return Optional.empty();
        }
    }

    static Endpoint resolve(OpenAiCompatProfile profile, Deployment deployment, EnvironmentSource environment) {
        Optional<String> base = deployment.apiBase().filter(value -> !value.isBlank())
                .or(() -> environment.firstOf(names(profile.apiBaseVariables())))
                .or(profile::defaultApiBase);
        if (base.isEmpty()) {
            return new Misconfigured(InvalidRequest.of("no api_base for deployment '" + deployment.id()
                    + "': set litellm_params.api_base" + orVariables(profile.apiBaseVariables())));
        }
        HttpUrl baseUrl = HttpUrl.parse(base.get().strip());
        if (baseUrl == null) {
            // The value itself is not repeated: a mistyped base can hold credentials (user:password@host).
            return new Misconfigured(InvalidRequest.of("the api_base of deployment '" + deployment.id()
                    + "' is not an http(s) URL"));
        }
        return withKey(profile, deployment, environment, baseUrl);
    }

    private static Endpoint withKey(OpenAiCompatProfile profile, Deployment deployment, EnvironmentSource environment,
                                    HttpUrl base) {
        Optional<Secret> key = deployment.apiKey()
                .or(() -> environment.firstOf(names(profile.apiKeyVariables())).map(Secret::of));
        if (key.isEmpty() && needsKey(profile, base)) {
            return new Misconfigured(new AuthenticationFailed("no API key for deployment '" + deployment.id()
                    + "': set litellm_params.api_key" + orVariables(profile.apiKeyVariables())));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        profile.headerVariables().forEach((header, variable) ->
                environment.get(variable).ifPresent(value -> headers.put(header, value)));
        HttpUrl url = profile.layout().transcriptionsUrl(base, deployment, environment);
        return new Ready(url, profile.auth(), key, headers);
    }

    private static boolean needsKey(OpenAiCompatProfile profile, HttpUrl base) {
        return switch (profile.keyRequirement()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case FOR_DEFAULT_HOST -> profile.defaultApiBase()
                    .map(HttpUrl::get)
                    .map(defaultBase -> defaultBase.host().equalsIgnoreCase(base.host()))
                    .orElse(false);
        };
    }

    private static String[] names(List<String> variables) {
        return variables.toArray(String[]::new);
    }

    private static String orVariables(List<String> variables) {
        return variables.isEmpty() ? "" : " or " + String.join(" or ", variables);
    }
}
