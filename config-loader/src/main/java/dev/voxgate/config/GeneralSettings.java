package dev.voxgate.config;

import dev.voxgate.core.model.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * LiteLLM's {@code general_settings} that Voxgate honours, and the proxy's own settings that LiteLLM keeps under
 * {@code litellm_settings} ({@code require_auth_for_metrics_endpoint}, {@code json_logs}).
 *
 * <p>Immutable and thread-safe; the master key's {@code toString()} hides it.
 *
 * @param masterKey                  the key callers must present; empty means the proxy is open
 * @param allowClientSideCredentials whether a caller may send {@code api_key}, {@code api_base} and
 *                                   {@code api_version} for its own call ({@code allow_client_side_credentials},
 *                                   off by default)
 * @param gracefulShutdownTimeout    how long a stopping proxy lets in-flight requests finish
 *                                   ({@code graceful_shutdown_timeout}, seconds; default 30)
 * @param maxUploadBytes             the largest audio file the proxy accepts ({@code max_request_size_mb});
 *                                   empty means OpenAI's 25 MiB
 * @param requireAuthForMetrics      whether {@code GET /metrics} needs the master key
 *                                   ({@code litellm_settings.require_auth_for_metrics_endpoint}; off by default, as in
 *                                   LiteLLM)
 * @param jsonLogs                   whether the proxy writes every log line as one JSON object
 *                                   ({@code litellm_settings.json_logs}, off by default)
 */
public record GeneralSettings(Optional<Secret> masterKey, boolean allowClientSideCredentials,
                              Duration gracefulShutdownTimeout, Optional<Long> maxUploadBytes,
                              boolean requireAuthForMetrics, boolean jsonLogs) {

    /** The drain time when the config sets none. */
    public static final Duration DEFAULT_GRACEFUL_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    public GeneralSettings {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(gracefulShutdownTimeout, "gracefulShutdownTimeout");
        if (gracefulShutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("gracefulShutdownTimeout must not be negative, was "
                    + gracefulShutdownTimeout);
        }
        Objects.requireNonNull(maxUploadBytes, "maxUploadBytes");
        maxUploadBytes.ifPresent(bytes -> {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxUploadBytes must be positive, was " + bytes);
            }
        });
    }

    /** Only a master key (or none); client credentials refused, the default drain time, text logs. */
    public GeneralSettings(Optional<Secret> masterKey) {
        this(masterKey, false, DEFAULT_GRACEFUL_SHUTDOWN_TIMEOUT, Optional.empty(), false, false);
    }

    public static GeneralSettings none() {
        return new GeneralSettings(Optional.empty());
    }
}
