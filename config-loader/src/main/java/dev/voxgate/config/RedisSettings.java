package dev.voxgate.config;

import dev.voxgate.core.model.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the replicas' shared state lives: LiteLLM's {@code router_settings.redis_url}, or {@code redis_host},
 * {@code redis_port} and {@code redis_password}, or a Redis Cluster's {@code redis_startup_nodes}; the environment's
 * {@code REDIS_URL}, {@code REDIS_HOST}, {@code REDIS_PORT}, {@code REDIS_CLUSTER_NODES} and {@code REDIS_PASSWORD}
 * when the config names none.
 *
 * @param url      a Lettuce URI ({@code redis://}, {@code rediss://} for TLS, {@code redis-sentinel://}); secret, as it
 *                 may hold the password
 * @param host     the server, when no URL is given
 * @param port     its port (6379 by default)
 * @param password the password, for a host and port or a cluster, or added to a URL that has none
 * @param clusterNodes some nodes of a Redis Cluster, each {@code host:port}; empty for a single server
 *
 * <p>Immutable and thread-safe.
 */
public record RedisSettings(Optional<Secret> url, Optional<String> host, Optional<Integer> port,
                            Optional<Secret> password, List<String> clusterNodes) {

    /** Redis's own port. */
    public static final int DEFAULT_PORT = 6379;

    public RedisSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(password, "password");
        clusterNodes = List.copyOf(clusterNodes);
        long named = Stream.of(url.isPresent(), host.isPresent(), !clusterNodes.isEmpty()).filter(given -> given)
                .count();
        if (named != 1) {
            throw new IllegalArgumentException("give one of a Redis URL, a host, or cluster nodes, not "
                    + (named == 0 ? "none" : "several"));
        }
    }

    /** A single server (by URL or host), as before clusters. */
    public RedisSettings(Optional<Secret> url, Optional<String> host, Optional<Integer> port,
                         Optional<Secret> password) {
        this(url, host, port, password, List.of());
    }
}
