package dev.voxgate.router;

import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.router.strategy.RoutingStrategy;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link TranscriptionPort} over many deployments, with LiteLLM's router semantics. {@code request.model()} names
 * a model group (the deployments sharing a {@code modelName}) or, when direct models are allowed, a
 * {@code provider/model} name the {@link DeploymentConnector} can reach; anything else fails with
 * {@code ModelNotFound}. Each call, in this order:
 * <ol>
 * <li><b>Can serve.</b> Deployments whose {@link dev.voxgate.core.model.Capabilities} lack what the request needs
 *     are left out of the call, untouched; when none is left, the group fails with {@code NoCapableDeployment}.</li>
 * <li><b>Pick.</b> Deployments that rest or are at a limit ({@code rpm}, {@code tpm} in audio seconds,
 *     {@code max_parallel_requests}) are left out; the {@link RoutingStrategy} chooses in the best {@code order}
 *     tier; none available fails with {@code NoHealthyDeployment}.</li>
 * <li><b>Retry</b>, <b>cool down</b> and <b>fall back</b> as each failure's {@link FailureDisposition} says, and
 *     {@link RetryBackoff} and {@link RouterSettings} tune.</li>
 * <li><b>Time out</b> per attempt (the deployment's {@code timeout}, else {@code attemptTimeout}) and per call
 *     (the shorter of {@link CallOptions#timeout()} and {@code totalTimeout}, every wait and fallback included).</li>
 * </ol>
 * An upload too large or too long for every capable deployment of its group is transcribed in chunks, each a
 * call of its own, when {@link ChunkingSettings} allow it (see {@link ChunkedCall}).
 * The README's "How a call is routed" gives every rule. {@link #route}, {@link #routeAsync} and
 * {@link #routeStreaming} return the result with a {@link RoutingReport} of what happened; the
 * {@link TranscriptionPort} methods return the result alone. Every failure reaches the caller as a
 * {@link RoutedTranscriptionException}, which carries the report; {@link RoutingListener}s hear each step.
 * {@link CallOptions#credentials()} apply the caller's own credentials to the named group on this shared router.
 *
 * <p>Thread-safe, and meant to be shared: one router serves any number of concurrent calls, without a lock on
 * the way. Attempts, and {@link #routeAsync} calls, run on virtual threads.
 */
public final class Router implements TranscriptionPort {

    private final Routes routes;
    private final RoutingEngine engine;
    private final CallThreads callThreads;
    private final Chunking chunking;

    private Router(Routes routes, RoutingContext context) {
        this.routes = routes;
        this.engine = new RoutingEngine(routes, context);
        this.chunking = new Chunking(routes, context, engine);
        this.callThreads = new CallThreads(context.listeners()::handoff);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes the call {@code options} ask for ({@link CallOptions#task()}: a transcription, or a translation into
     * English) on a deployment of {@code request.model()} able to serve it, with {@code options} on top of the
     * settings, and reports how: the group and deployment that answered, retries, fallbacks, the deployments left out
     * and the time spent.
     *
     * @throws RoutedTranscriptionException when no deployment could serve it; its report says what was tried
     */
    public Routed<Transcription> route(TranscriptionRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return chunking.route(request, options)
                .orElseGet(() -> engine.execute(request.model(), options, TranscriptionCalls.of(request, options.task())));
    }

    /**
     * {@link #route} on a virtual thread. The future completes exceptionally with the
     * {@link RoutedTranscriptionException} itself; cancelling it interrupts the call.
     */
    public CompletableFuture<Routed<Transcription>> routeAsync(TranscriptionRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return callThreads.supply(() -> route(request, options));
    }

    /**
     * Transcribes on a deployment that streams, handing each piece of the transcript to {@code listener} as it
     * arrives. Retries and fallbacks work as for {@link #route} until the first piece has reached the listener; a
     * failure after that ends the call at once, since what the caller has seen cannot be taken back.
     *
     * @throws RoutedTranscriptionException when no deployment could stream it, or the stream broke
     */
    public Routed<Transcription> routeStreaming(TranscriptionRequest request, CallOptions options,
                                                TranscriptListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        chunking.refuseStreamOfChunks(request);
        return engine.execute(request.model(), options, TranscriptionCalls.streamed(request, listener));
    }

    /** {@link #route} of a transcription with the router's settings alone, without the report. */
    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        return route(request, CallOptions.defaults()).value();
    }

    /** {@link #route} of a translation with the router's settings alone, without the report. */
    @Override
    public Transcription translate(TranscriptionRequest request) {
        return route(request, CallOptions.translation()).value();
    }

    /** {@link #routeStreaming} with the router's settings alone, without the report. */
    @Override
    public Transcription transcribeStreaming(TranscriptionRequest request, TranscriptListener listener) {
        return routeStreaming(request, CallOptions.defaults(), listener).value();
    }

    /** The configured model groups, in the order each first appears among the deployments. */
    public List<ModelGroup> modelGroups() {
        return routes.modelGroups();
    }

    public RouterSettings settings() {
        return engine.settings();
    }

    /** Builds a {@link Router}; not thread-safe. A {@link #connector} is needed unless every deployment has a port. */
    public static final class Builder {
        private final List<Deployment> deployments = new ArrayList<>();
        private final Map<String, TranscriptionPort> ports = new HashMap<>();
        private final List<RoutingListener> listeners = new ArrayList<>();
        private RouterSettings settings = RouterSettings.defaults();
        private DeploymentConnector connector;
        private boolean allowDirectModels = true;
        private InstantSource clock = InstantSource.system();
        // ThreadLocalRandom.current() is looked up per draw, so the generator may be shared by every thread.
        private RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        private RoutingStrategy strategy;
        private RoutingState state;
        private Sleeper sleeper = Sleeper.system();
        private RetryBackoff backoff = RetryBackoff.defaults();

        private Builder() {
        }

        public Builder deployments(Collection<Deployment> deployments) {
            deployments.forEach(this::deployment);
            return this;
        }

        public Builder deployment(Deployment deployment) {
            deployments.add(Objects.requireNonNull(deployment, "deployment"));
            return this;
        }

        /**
         * A deployment called through {@code port} rather than the connector; a caller's own credentials still need
         * the connector, so a router without one, all of whose deployments come with ports, refuses them.
         */
        public Builder deployment(Deployment deployment, TranscriptionPort port) {
            ports.put(deployment.id(), Objects.requireNonNull(port, "port"));
            return deployment(deployment);
        }

        /** Default {@link RouterSettings#defaults()}. */
        public Builder settings(RouterSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** How deployments are called, also over a caller's own credentials. */
        public Builder connector(DeploymentConnector connector) {
            this.connector = Objects.requireNonNull(connector, "connector");
            return this;
        }

        /** Whether a {@code provider/model} name that is not a group is routed (default true). */
        public Builder allowDirectModels(boolean allow) {
            this.allowDirectModels = allow;
            return this;
        }

        /** Time for cooldowns, per-minute counts and the reported durations (default the system clock). */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Randomness for the strategy and the back-off jitter; must be thread-safe (default thread-local). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** A strategy of your own, instead of the one {@link RouterSettings#routingStrategy()} names. */
        public Builder strategy(RoutingStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * Where cooldowns, per-minute counts, in-flight counts and latencies live (default a fresh
         * {@link RoutingState#inMemory()}); share one among routers to share what they know.
         */
        public Builder state(RoutingState state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /** How back-off delays are waited out (default {@link Sleeper#system()}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** How long back-off delays are (default {@link RetryBackoff#defaults()}). */
        public Builder backoff(RetryBackoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** Adds a listener; several are called in the order they were added. */
        public Builder listener(RoutingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Checks the configuration and connects every deployment once.
         *
         * @throws IllegalStateException    when no connector was given and some deployment (or every one, there
         *                                  being none) has no port of its own
         * @throws IllegalArgumentException when deployments share an id, or a fallback names an unknown group
         */
        public Router build() {
            Optional<DeploymentConnector> connector = Optional.ofNullable(this.connector);
            Routes routes = Routes.connect(deployments, ports, connector, allowDirectModels, settings.fallbacks());
            RoutingStrategy chosen = strategy != null ? strategy
                    : settings.routingStrategy().create(settings.routingStrategyArgs());
            RoutingContext context = new RoutingContext(settings, clock, random, chosen,
                    state != null ? state : RoutingState.inMemory(), sleeper, backoff, connector,
                    new Listeners(listeners));
            return new Router(routes, context);
        }
    }
}
