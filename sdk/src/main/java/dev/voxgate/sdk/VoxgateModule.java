package dev.voxgate.sdk;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.SharedHttpClient;
import dev.voxgate.router.DeploymentConnector;
import dev.voxgate.router.DeploymentStatuses;
import dev.voxgate.router.Router;
import dev.voxgate.router.RoutingListener;
import dev.voxgate.router.state.RoutingState;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.Interceptor;

/**
 * Guice wiring of a loaded config: environment, the shared HTTP client, the provider catalog (the built-ins unless
 * one is given), the routing state, the deployments' live status and the router. The router tells every
 * {@link RoutingListener} in the set that modules add to with
 * {@code Multibinder.newSetBinder(binder(), RoutingListener.class).addBinding()}; {@link DeploymentStatuses} is one.
 * Explicit bindings only, and no logic beyond calling constructors and builders.
 *
 * <p>Instances are immutable.
 */
public final class VoxgateModule extends AbstractModule {

    private final VoxgateConfig config;
    private final EnvironmentSource environment;
    private final ProviderCatalog catalog;

    public VoxgateModule(VoxgateConfig config, EnvironmentSource environment) {
        this(config, environment, ProviderCatalog.builtIn());
    }

    /** Wiring whose deployments are connected through {@code catalog}, e.g. the built-ins plus the local engine. */
    public VoxgateModule(VoxgateConfig config, EnvironmentSource environment, ProviderCatalog catalog) {
        this.config = Objects.requireNonNull(config, "config");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(VoxgateConfig.class).toInstance(config);
        bind(ProviderCatalog.class).toInstance(catalog);
        Multibinder.newSetBinder(binder(), RoutingListener.class).addBinding().to(DeploymentStatuses.class);
        // Interceptors every vendor call goes through (the proxy's traceparent, say); none unless a module adds one.
        Multibinder.newSetBinder(binder(), Interceptor.class);
    }

    @Provides
    @Singleton
    RoutingState routingState(VoxgateConfig config) {
        return SharedState.of(config);
    }

    @Provides
    @Singleton
    DeploymentStatuses deploymentStatuses(RoutingState state, VoxgateConfig config) {
        return new DeploymentStatuses(state, InstantSource.system(), config.routerSettings());
    }

    @Provides
    @Singleton
    EnvironmentSource environment() {
        return environment.withOverrides(config.environmentVariables());
    }

    @Provides
    @Singleton
    SharedHttpClient httpClient(Set<Interceptor> interceptors) {
        return ProviderCatalog.newHttpClient().withInterceptors(List.copyOf(interceptors));
    }

    @Provides
    @Singleton
    DeploymentConnector deploymentConnector(ProviderCatalog catalog, SharedHttpClient httpClient,
                                            EnvironmentSource environment) {
        return ProviderConnector.forGroups(catalog, new ProviderContext(httpClient, environment));
    }

    @Provides
    @Singleton
    Router router(VoxgateConfig config, DeploymentConnector connector, RoutingState state,
                  Set<RoutingListener> listeners) {
        // Configured groups only, the default of the one router-from-config builder (see there why).
        Router.Builder builder = Voxgate.routerBuilder(config, connector).state(state);
        listeners.forEach(builder::listener);
        return builder.build();
    }
}
