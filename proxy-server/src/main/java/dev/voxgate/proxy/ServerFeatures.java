package dev.voxgate.proxy;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ProxyServer} serves besides OpenAI's routes, each wired by {@link ProxyModule}.
 *
 * @param metrics   {@code GET /metrics} and the server's own meters
 * @param modelInfo {@code GET /model/info}, when the server has the deployments' live state to show
 */
record ServerFeatures(MetricsEndpoint metrics, Optional<ModelInfo> modelInfo) {

    ServerFeatures {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(modelInfo, "modelInfo");
    }

    /** What every server has: {@code /metrics} with the JVM's and Jetty's meters, and no {@code /model/info}. */
    static ServerFeatures basic() {
        return new ServerFeatures(MetricsEndpoint.ofItsOwn(), Optional.empty());
    }
}
