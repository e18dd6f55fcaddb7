package dev.voxgate.sdk;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.ModelReference;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.SharedHttpClient;
import dev.voxgate.router.CallOptions;
import dev.voxgate.router.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The routers one-call transcriptions share: one per environment and provider catalog, built on first use, with no
 * model groups, so that every name a call gives (its model and its fallbacks) is a direct {@code provider/model} or
 * bare OpenAI name, connected once and then kept. Repeated one-call use thus shares cooldowns, per-minute counts and
 * in-flight counts, as calls on one configured router do; a caller's own key, base URL or API version travel as the
 * call's {@link CallOptions#credentials()} on the shared router, so they rest nothing for other calls.
 *
 * <p>Thread-safe.
 */
final class OneCallRouters {

    // Keyed by the environment and catalog objects themselves: an EnvironmentSource has no equality of its own.
    // Bounded, so that a program making a new EnvironmentSource for every call does not keep a router for each.
    private static final int MAX_ROUTERS = 16;

    private final SharedHttpClient http;
    private final Map<Key, Router> routers = new LinkedHashMap<>(MAX_ROUTERS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Router> eldest) {
            return size() > MAX_ROUTERS;
        }
    };

    OneCallRouters(SharedHttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * The shared router for a call of {@code request} with {@code call}.
     *
     * @throws TranscriptionException with {@code ModelNotFound} when the model or a fallback names a provider that
     *                                {@code catalog} does not know, before anything is called
     */
    Router routerFor(TranscriptionRequest request, CallOptions call, EnvironmentSource environment,
                     ProviderCatalog catalog) {
        requireKnownProvider(request.model(), catalog);
        call.fallbacks().ifPresent(fallbacks -> fallbacks.forEach(name -> requireKnownProvider(name, catalog)));
        return router(environment, catalog);
    }

    private synchronized Router router(EnvironmentSource environment, ProviderCatalog catalog) {
        return routers.computeIfAbsent(new Key(environment, catalog), key -> Router.builder()
                .connector(ProviderConnector.forOneCall(catalog, new ProviderContext(http, environment)))
                .allowDirectModels(true)
                .build());
    }

    private static void requireKnownProvider(String model, ProviderCatalog catalog) {
        if (ModelReference.parse(model, catalog::supports).isEmpty()) {
            throw new TranscriptionException(new ModelNotFound(ProviderConnector.unknownProvider(catalog, model)));
        }
    }

    private record Key(EnvironmentSource environment, ProviderCatalog catalog) {
    }
}
