package dev.voxgate.proxy;

import dev.voxgate.tracing.Tracing;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ProxyServer} serves besides OpenAI's routes, each wired by {@link ProxyModule}.
 *
 * @param metrics   {@code GET /metrics} and the server's own meters
 * @param modelInfo {@code GET /model/info}, when the server has the deployments' live state to show
 * @param tracing   the server span of each request, and where spans are flushed on close
 * @param cache     the response cache ({@link ResponseCache#off()} unless the config switches it on)
 */
record ServerFeatures(MetricsEndpoint metrics, Optional<ModelInfo> modelInfo, Tracing tracing, ResponseCache cache) {

    ServerFeatures {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(modelInfo, "modelInfo");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(cache, "cache");
    }

    /**
     * What every server has: {@code /metrics} with the JVM's and Jetty's meters; no {@code /model/info}, no traces, no
     * response cache.
     */
    static ServerFeatures basic() {
        return new ServerFeatures(MetricsEndpoint.ofItsOwn(), Optional.empty(), Tracing.off(), ResponseCache.off());
    }
}
