package dev.voxgate.proxy;

import dev.voxgate.metrics.DeploymentGauges;
import dev.voxgate.metrics.JvmMeters;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;

/**
 * {@code GET /metrics}: every meter of the proxy's registry in Prometheus' text format, or in OpenMetrics when the
 * scraper's {@code Accept} asks for it (Prometheus does). The registry holds the router's meters, the deployments'
 * gauges, the JVM's meters and, once {@link #instrument(Server)} and {@link #instrument(Connector)} ran, the server's:
 * requests by method and status ({@link ServerRequestMeters}), and Jetty's connections and thread pool.
 *
 * <p>Open to anyone, as LiteLLM's is, unless {@code litellm_settings.require_auth_for_metrics_endpoint} asks for the
 * master key.
 *
 * <p>Thread-safe. {@link #close()} once, when the server has stopped.
 */
final class MetricsEndpoint implements AutoCloseable {

    static final String PATH = "/metrics";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final boolean requireAuth;
    private final JvmMeters jvm = new JvmMeters();

    /** The endpoint of {@code registry}, to which it binds the JVM's meters and {@code gauges}, if any. */
    MetricsEndpoint(PrometheusMeterRegistry registry, Optional<DeploymentGauges> gauges, boolean requireAuth) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.requireAuth = requireAuth;
        jvm.bindTo(registry);
        gauges.ifPresent(binder -> binder.bindTo(registry));
    }

    /** An open endpoint with a registry of its own, for a server built without the Guice wiring. */
    static MetricsEndpoint ofItsOwn() {
        return new MetricsEndpoint(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(), false);
    }

    /** Whether a request for {@code path} is served without the master key. */
    boolean isOpen(String path) {
        return !requireAuth && path.equals(PATH);
    }

    /** Times every HTTP request the server handles, by method and status, and reads its thread pool. */
    void instrument(Server server) {
        server.insertHandler(new ServerRequestMeters(registry));
        new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
    }

    /** Counts the connections {@code connector} opens and closes. */
    void instrument(Connector connector) {
        connector.addBean(new JettyConnectionMetrics(registry, connector));
    }

    void scrape(Context ctx) throws IOException {
        String accept = ctx.header("Accept");
        String contentType = accept != null && accept.contains("application/openmetrics-text")
                ? OPENMETRICS : PROMETHEUS_TEXT;
        ctx.contentType(contentType);
        registry.scrape(ctx.outputStream(), contentType);
    }

    @Override
    public void close() {
        jvm.close();
        registry.close();
    }
}
