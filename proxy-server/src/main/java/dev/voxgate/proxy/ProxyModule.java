package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.PriceTable;
import dev.voxgate.metrics.DeploymentGauges;
import dev.voxgate.metrics.RoutingMetrics;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.router.DeploymentStatuses;
import dev.voxgate.router.Router;
import dev.voxgate.router.RoutingListener;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.sdk.VoxgateModule;
import dev.voxgate.state.redis.ResilientRoutingState;
import dev.voxgate.tracing.Tracing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Interceptor;

/**
 * Guice wiring of the proxy on top of {@link VoxgateModule}: listening settings, authentication, the JSON mapper,
 * the metrics (a Prometheus registry, the router's meters as a listener, {@code /metrics}), {@code /model/info},
 * tracing (its listener of the router and interceptor of vendor calls), the response cache, virtual keys (with a key
 * database) and the server. Explicit
 * bindings only.
 *
 * <p>Instances are immutable.
 */
final class ProxyModule extends AbstractModule {

    private final VoxgateConfig config;
    private final EnvironmentSource environment;
    private final ProxySettings settings;
    private final ProviderCatalog catalog;

    ProxyModule(VoxgateConfig config, EnvironmentSource environment, ProxySettings settings, ProviderCatalog catalog) {
        this.config = Objects.requireNonNull(config, "config");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        install(new VoxgateModule(config, environment, catalog));
        bind(ProxySettings.class).toInstance(settings);
        Multibinder.newSetBinder(binder(), RoutingListener.class).addBinding().to(RoutingMetrics.class);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry meterRegistry(RoutingState state) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        if (state instanceof ResilientRoutingState shared) {
            Gauge.builder("voxgate_shared_state_up", shared, up -> up.shared() ? 1 : 0)
                    .description("1 while routing state is shared through Redis, 0 while this replica routes on its "
                            + "own state because Redis is away")
                    .register(registry);
        }
        return registry;
    }

    @Provides
    @Singleton
    RoutingMetrics routingMetrics(PrometheusMeterRegistry registry, VoxgateConfig config) {
        return new RoutingMetrics(registry, config.modelGroups());
    }

    @Provides
    @Singleton
    MetricsEndpoint metricsEndpoint(PrometheusMeterRegistry registry, DeploymentStatuses statuses,
                                    VoxgateConfig config) {
        return new MetricsEndpoint(registry, Optional.of(new DeploymentGauges(statuses, config.modelGroups())),
                config.generalSettings().requireAuthForMetrics());
    }

    @Provides
    @Singleton
    ObjectMapper objectMapper() {
        return new ObjectMapper();
    }

    @Provides
    @Singleton
    Optional<ProxyKeys> keys(VoxgateConfig config, RoutingState state, PrometheusMeterRegistry registry) {
        Optional<ProxyKeys> keys = config.database().map(database -> ProxyKeys.of(database, state));
        keys.ifPresent(proxyKeys -> {
            Gauge.builder("voxgate_key_database_up", proxyKeys.database(), database -> database.up() ? 1 : 0)
                    .description("1 while the key database answers, 0 while it is away (keys seen before keep "
                            + "working from memory; spend rows wait)")
                    .register(registry);
            Gauge.builder("voxgate_spend_buffer_rows", proxyKeys.ledger(), ledger -> ledger.waiting())
                    .description("spend rows waiting in memory to be written to the key database")
                    .register(registry);
            Gauge.builder("voxgate_spend_buffer_capacity", proxyKeys.ledger(), ledger -> ledger.capacity())
                    .description("how many spend rows may wait before calls with virtual keys are refused")
                    .register(registry);
        });
        return keys;
    }

    @Provides
    @Singleton
    Authenticator authenticator(VoxgateConfig config, Optional<ProxyKeys> keys) {
        return new Authenticator(config.generalSettings().masterKey(), keys.map(ProxyKeys::ring));
    }

    @Provides
    @Singleton
    ModelInfo modelInfo(Router router, DeploymentStatuses statuses, ProviderCatalog catalog, ObjectMapper json) {
        return new ModelInfo(router.modelGroups(), statuses, new DeploymentInfo(json, catalog, PriceTable.builtIn()),
                json);
    }

    @Provides
    @Singleton
    Tracing tracing(EnvironmentSource environment) {
        return Tracing.fromEnvironment(environment);
    }

    @ProvidesIntoSet
    RoutingListener attemptSpans(Tracing tracing) {
        return tracing.routingListener();
    }

    @ProvidesIntoSet
    Interceptor vendorTraceparent(Tracing tracing) {
        return tracing.vendorInterceptor();
    }

    @Provides
    @Singleton
    ResponseCache responseCache(VoxgateConfig config, PrometheusMeterRegistry registry) {
        return ResponseCache.of(config, registry);
    }

    @Provides
    @Singleton
    ProxyServer proxyServer(Router router, Authenticator authenticator, ObjectMapper json, ProxySettings settings,
                            MetricsEndpoint metrics, ModelInfo modelInfo, Tracing tracing, ResponseCache cache,
                            RoutingState state, Optional<ProxyKeys> keys) {
        return new ProxyServer(router, authenticator, json, settings, new ServerFeatures(metrics,
                Optional.of(modelInfo), tracing, cache, state, keys));
    }
}
