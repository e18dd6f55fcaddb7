package dev.voxgate.config;

import dev.voxgate.core.model.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the replicas' shared state lives: LiteLLM's {@code router_settings.redis_url}, or {@code redis_host},
 * {@code redis_port} and {@code redis_password}; the environment's {@code REDIS_URL}, {@code REDIS_HOST},
 * {@code REDIS_PORT} and {@code REDIS_PASSWORD} when the config names none.
 *
 * @param url      a Lettuce URI ({@code redis://}, {@code rediss://} for TLS, {@code redis-sentinel://}); secret, as it
 *                 may hold the password
 * @param host     the server, when no URL is given
 * @param port     its port (6379 by default)
 * @param password the password, for a host and port, or added to a URL that has none
 *
 * <p>Immutable and thread-safe.
 */
public record RedisSettings(Optional<Secret> url, Optional<String> host, Optional<Integer> port,
                            Optional<Secret> password) {

    /** Redis's own port. */
    public static final int DEFAULT_PORT = 6379;

    public RedisSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(password, "password");
        if (url.isEmpty() == host.isEmpty()) {
            throw new IllegalArgumentException("give either a Redis URL or a host, not " + (url.isEmpty() ? "neither"
                    : "both"));
        }
    }
}
