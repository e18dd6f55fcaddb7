package dev.voxgate.providers.http;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Where and how one deployment is called, as {@link EndpointRules#resolve} found it: ready, or misconfigured with the
 * failure every call reports (the factory contract defers configuration errors to calls).
 */
public sealed interface Endpoint {

    /**
     * A usable endpoint. The key is held as a {@link Secret}, so this record's string form never shows it.
     *
     * @param base      the vendor's base URL, without a trailing slash
     * @param version   the API version sent, for vendors that take one (Azure's {@code api-version})
     * @param keyHeader the header that carries the key
     * @param key       the key; empty when the vendor is called without one
     * @param headers   further headers every call carries (OpenAI's {@code OpenAI-Organization})
     */
    record Ready(HttpUrl base, Optional<String> version, KeyHeader keyHeader, Optional<Secret> key,
                 Map<String, String> headers) implements Endpoint {
        public Ready {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(keyHeader, "keyHeader");
            Objects.requireNonNull(key, "key");
            headers = Map.copyOf(headers);
        }

        /** The base URL with {@code path} ({@code v1/files/abc}) appended, each segment URL-encoded. */
        public HttpUrl url(String path) {
            return base.newBuilder().addPathSegments(path).build();
        }

        /** {@code request} with this endpoint's headers and key. */
        Request.Builder authorize(Request.Builder request) {
            headers.forEach(request::header);
            key.ifPresent(secret -> request.header(keyHeader.name(), keyHeader.value(secret)));
            return request;
        }
    }

    /** A deployment that cannot be called as configured. */
    record Misconfigured(TranscriptionFailure failure) implements Endpoint {
        public Misconfigured {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
