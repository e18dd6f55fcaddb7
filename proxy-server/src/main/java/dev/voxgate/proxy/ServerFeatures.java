package dev.voxgate.proxy;

import dev.voxgate.router.state.RoutingState;
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
 * @param state     the router's state, closed (its Redis connection, say) once requests have drained
 * @param keys      virtual keys, teams and spend, when a key database is configured; closed after the state, so that
 *                  the spend of the last calls is written
 */
record ServerFeatures(MetricsEndpoint metrics, Optional<ModelInfo> modelInfo, Tracing tracing, ResponseCache cache,
                      RoutingState state, Optional<ProxyKeys> keys) {

    ServerFeatures {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(modelInfo, "modelInfo");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(keys, "keys");
    }

    /** Features without a key database. */
    ServerFeatures(MetricsEndpoint metrics, Optional<ModelInfo> modelInfo, Tracing tracing, ResponseCache cache,
                   RoutingState state) {
        this(metrics, modelInfo, tracing, cache, state, Optional.empty());
    }

    /** Closes the router's state when it holds something (a connection); an in-memory state holds nothing. */
    void closeState() {
        if (state instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the routing state: " + e.getMessage(), e);
            }
        }
    }

    /**
     * What every server has: {@code /metrics} with the JVM's and Jetty's meters; no {@code /model/info}, no traces, no
     * response cache.
     */
    static ServerFeatures basic() {
        return new ServerFeatures(MetricsEndpoint.ofItsOwn(), Optional.empty(), Tracing.off(), ResponseCache.off(),
                RoutingState.inMemory());
    }
}
