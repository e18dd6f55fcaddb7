package dev.voxgate.providers.http;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.Objects;
import java.util.function.Function;

/**
 * The factory of a vendor reached over HTTP, and the one way every built-in adapter is connected: the deployment's
 * endpoint is resolved by the vendor's {@link EndpointRules}; a deployment that cannot be called as configured gets
 * an adapter that declares nothing and fails every call saying what to set; any other gets the vendor's adapter over
 * the deployment's {@link UpstreamCalls} (the shared client with the deployment's timeout, key and headers, and the
 * one mapping of failures), declaring what {@link #declared} says before any connection, which is what the
 * config-loader checks {@code litellm_params} against. A vendor's factory extends it with its rules and adds nothing
 * else.
 *
 * <p>Immutable and thread-safe.
 */
public class UpstreamProviderFactory implements ProviderFactory {

    private final EndpointRules endpoint;
    private final Function<Deployment, Capabilities> declaration;
    private final Adapter adapter;

    /**
     * A vendor found by {@code endpoint} whose deployments get the adapters {@code adapter} makes, each declaring what
     * {@code declaration} says of its deployment.
     */
    public UpstreamProviderFactory(EndpointRules endpoint, Function<Deployment, Capabilities> declaration,
                                   Adapter adapter) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.declaration = Objects.requireNonNull(declaration, "declaration");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
    }

    /**
     * A vendor found by {@code endpoint} whose every transcription is {@code exchange}, the request vetted by
     * {@code params} first, declaring {@code capabilities}, which must be exactly what the exchange serves without
     * refusing (its parameters those of {@code params}).
     */
    public UpstreamProviderFactory(EndpointRules endpoint, ParamSchema params, Capabilities capabilities,
                                   UpstreamExchange exchange) {
        this(endpoint, deployment -> capabilities, Adapter.vetting(params, exchange));
        Objects.requireNonNull(capabilities, "capabilities");
    }

    @Override
    public final String id() {
        return endpoint.providerId();
    }

    @Override
    public final TranscriptionPort create(Deployment deployment, ProviderContext context) {
        Objects.requireNonNull(context, "context");
        Capabilities declared = declared(deployment);
        return switch (endpoint.resolve(deployment, context.environment())) {
            case Endpoint.Misconfigured misconfigured -> new MisconfiguredPort(deployment, misconfigured.failure());
            case Endpoint.Ready ready -> adapter.connect(deployment, declared, new UpstreamClient(context.httpClient(),
                    deployment.timeout(), new Upstream(id(), deployment.id(), ready.key()), ready));
        };
    }

    /** What a deployment of this vendor serves, from its model alone: no credentials needed, nothing connected. */
    @Override
    public final Capabilities declared(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        if (!deployment.provider().equals(id())) {
            throw new IllegalArgumentException("deployment '" + deployment.id() + "' is for provider '"
                    + deployment.provider() + "', not '" + id() + "'");
        }
        return declaration.apply(deployment);
    }

    /** Makes the adapter of one deployment whose endpoint resolved; implementations are thread-safe. */
    @FunctionalInterface
    public interface Adapter {
        /**
         * The adapter of {@code deployment}, declaring {@code declared}, whose every HTTP call goes through
         * {@code calls}.
         */
        TranscriptionPort connect(Deployment deployment, Capabilities declared, UpstreamCalls calls);

        /**
         * Adapters whose every transcription is {@code exchange}, the request vetted by {@code params} first: the
         * adapter of a vendor with one way of calling, or of each of a vendor's APIs when its models differ (Gemini).
         */
        static Adapter vetting(ParamSchema params, UpstreamExchange exchange) {
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(exchange, "exchange");
            return (deployment, declared, calls) -> new UpstreamTranscriber(deployment, params, declared, exchange,
                    calls);
        }
    }
}
