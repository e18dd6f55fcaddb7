package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.router.Router;
import dev.voxgate.router.RoutingListener;
import dev.voxgate.sdk.VoxgateModule;
import dev.voxgate.tracing.Tracing;
import java.util.Objects;
import okhttp3.Interceptor;

/**
 * Guice wiring of the proxy on top of {@link VoxgateModule}: listening settings, authentication, the JSON mapper,
 * tracing (its listener of the router and interceptor of vendor calls) and the server. Explicit bindings only.
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
    }

    @Provides
    @Singleton
    ObjectMapper objectMapper() {
        return new ObjectMapper();
    }

    @Provides
    @Singleton
    Authenticator authenticator(VoxgateConfig config) {
        return new Authenticator(config.generalSettings().masterKey());
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
    ProxyServer proxyServer(Router router, Authenticator authenticator, ObjectMapper json, ProxySettings settings,
                            Tracing tracing) {
        return new ProxyServer(router, authenticator, json, settings, tracing);
    }
}
