package dev.voxgate.core.model;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials a caller brings for its own call ({@code api_key}, {@code api_base}, {@code api_version}), applied
 * over the named group's deployments for that call alone. The deployments stay the shared ones, so their limits,
 * counts and cooldowns hold; a failure that the caller's own key causes fails that caller only.
 *
 * <p>A base URL or an API version needs the caller's own key: otherwise the operator's key would be sent to an
 * endpoint, or an API version, that the operator never configured.
 *
 * <p>Immutable and thread-safe; the key is a {@link Secret}, so this record's string form never shows it.
 *
 * @param apiKey     the caller's provider key
 * @param apiBase    the caller's provider base URL
 * @param apiVersion the API version to call (Azure)
 */
public record CallerCredentials(Optional<Secret> apiKey, Optional<String> apiBase, Optional<String> apiVersion) {

    /** No credentials of the caller's own: the configured ones apply. */
    public static final CallerCredentials NONE = new CallerCredentials(Optional.empty(), Optional.empty(),
            Optional.empty());

    /**
     * @throws TranscriptionException with {@code InvalidRequest} on {@code api_key} when a base URL or an API version
     *                                comes without a key
     */
    public CallerCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(apiVersion, "apiVersion");
        if (apiKey.isEmpty() && (apiBase.isPresent() || apiVersion.isPresent())) {
            String given = apiBase.isPresent() ? "api_base" : "api_version";
            throw new TranscriptionException(InvalidRequest.ofParam("api_key", "'" + given + "' needs 'api_key' too: "
                    + "the configured keys are sent only to the endpoints and API versions in the config."));
        }
    }

    public boolean isEmpty() {
        return apiKey.isEmpty();
    }

    /** {@code deployment} with these credentials in place of its own; the same deployment when there are none. */
    public Deployment applyTo(Deployment deployment) {
        if (isEmpty()) {
            return deployment;
        }
        Deployment.Builder builder = deployment.toBuilder();
        apiKey.ifPresent(builder::apiKey);
        apiBase.ifPresent(builder::apiBase);
        apiVersion.ifPresent(builder::apiVersion);
        return builder.build();
    }
}
