package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.internal.CallThreads;
import dev.voxgate.router.internal.Routes;
import dev.voxgate.router.internal.RoutingContext;
import dev.voxgate.router.internal.RoutingEngine;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.router.strategy.RoutingStrategy;
import dev.voxgate.router.strategy.SimpleShuffleStrategy;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link TranscriptionPort} over many deployments, with LiteLLM's router semantics. {@code request.model()}
 * names a model group (the deployments sharing a {@code modelName}) or, when direct models are allowed, a
 * {@code provider/model} name the {@link DeploymentConnector} can reach; anything else fails with
 * {@code ModelNotFound("Invalid model name passed in model=<name>. Available model groups: a, b")}.
 * <ol>
 * <li><b>Pick.</b> Deployments that rest (cool down) are left out; the {@link RoutingStrategy} (default
 *     {@link SimpleShuffleStrategy}) chooses among the rest. If every deployment rests, the group fails with
 *     {@code NoHealthyDeployment}, whose {@code retryAfter} is when the first one is back.</li>
 * <li><b>Retry.</b> After the first attempt come up to {@code numRetries} more ({@link CallOptions} first, else
 *     {@link RouterSettings}), for retryable failures (rate limit, timeout, upstream failure, unreadable answer).
 *     Each retry re-picks, preferring a healthy deployment not yet tried in this call, at once; when none is left
 *     it waits per {@link RetryBackoff} (the provider's {@code Retry-After}, else exponential back-off with
 *     jitter) and goes back to a tried one. An authentication failure moves on only to an untried deployment.
 *     Other failures are not retried. A group in which nothing healthy remains stops retrying.</li>
 * <li><b>Cool down.</b> A retryable failure counts against the deployment for the current minute. It rests for
 *     its own {@code cooldownTime}, else the router's, lengthened to the provider's {@code Retry-After}, when it
 *     is rate-limited in a group of several deployments or fails more than {@code allowedFails} times in the
 *     minute; not at all with {@code disableCooldowns} or a cooldown time of zero.</li>
 * <li><b>Fall back.</b> When the group fails, unless the request itself is at fault ({@code InvalidRequest},
 *     {@code PayloadTooLarge}), the fallback groups are tried in order, each with retries of its own, at most
 *     {@code maxFallbacks} of them: the call's list, else the group's configured list, else the {@code "*"} list.
 *     Unknown names in the call's list are skipped. If all fail, the caller gets the first group's failure kind,
 *     its message extended with {@code " (fallbacks tried: b → <b's failure>; c → unknown model group)"}. With
 *     {@code mockTestingFallbacks} the first group fails at once, without calling a deployment.</li>
 * <li><b>Time out.</b> An attempt may take its deployment's {@code timeout}, else {@code attemptTimeout}, and no
 *     more than what is left of the call's {@link CallOptions#timeout()} deadline, which covers every attempt,
 *     wait and fallback. An attempt that runs out is an {@code UpstreamTimeout} (retryable) and is interrupted;
 *     a call that runs out of its deadline fails with {@code UpstreamTimeout} at once.</li>
 * </ol>
 * Every failure reaches the caller as a {@link dev.voxgate.core.error.TranscriptionException}.
 *
 * <p>Thread-safe, and meant to be shared: one router serves any number of concurrent calls, without a lock on
 * the way. Attempts, and {@link #transcribeAsync} calls, run on virtual threads.
 */
public final class Router implements TranscriptionPort {

    private final Routes<TranscriptionPort> routes;
    private final RoutingEngine<TranscriptionPort> engine;
    private final RouterSettings settings;
    private final CallThreads callThreads = new CallThreads();

    private Router(Routes<TranscriptionPort> routes, RoutingContext context) {
        this.routes = routes;
        this.engine = new RoutingEngine<>(routes, context);
        this.settings = context.settings();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Transcribes with the router's settings alone. */
    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        return transcribe(request, CallOptions.defaults());
    }

    /** Transcribes on a deployment of {@code request.model()}, with {@code options} on top of the settings. */
    public Transcription transcribe(TranscriptionRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return engine.execute(request.model(), options, (deployment, port) -> port.transcribe(request));
    }

    /** {@link #transcribeAsync(TranscriptionRequest, CallOptions)} with the router's settings alone. */
    public CompletableFuture<Transcription> transcribeAsync(TranscriptionRequest request) {
        return transcribeAsync(request, CallOptions.defaults());
    }

    /**
     * Transcribes on a virtual thread. The future completes exceptionally with the
     * {@link dev.voxgate.core.error.TranscriptionException} itself; cancelling it interrupts the call.
     */
    public CompletableFuture<Transcription> transcribeAsync(TranscriptionRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return callThreads.supply(() -> transcribe(request, options));
    }

    /** The configured model groups, in the order each first appears among the deployments. */
    public List<ModelGroup> modelGroups() {
        return routes.modelGroups();
    }

    /** The configured model group of that name; {@code provider/model} names are not groups. */
    public Optional<ModelGroup> modelGroup(String name) {
        return routes.modelGroup(name);
    }

    public RouterSettings settings() {
        return settings;
    }

    /** Builds a {@link Router}; not thread-safe. Only {@link #connector} is required. */
    public static final class Builder {
        private final List<Deployment> deployments = new ArrayList<>();
        private RouterSettings settings = RouterSettings.defaults();
        private DeploymentConnector connector;
        private boolean allowDirectModels = true;
        private InstantSource clock = InstantSource.system();
        // ThreadLocalRandom.current() is looked up per draw, so the generator may be shared by every thread.
        private RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        private RoutingStrategy strategy = new SimpleShuffleStrategy();
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

        /** Default {@link RouterSettings#defaults()}. */
        public Builder settings(RouterSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** How deployments are called; required. */
        public Builder connector(DeploymentConnector connector) {
            this.connector = Objects.requireNonNull(connector, "connector");
            return this;
        }

        /** Whether a {@code provider/model} name that is not a group is routed (default true). */
        public Builder allowDirectModels(boolean allow) {
            this.allowDirectModels = allow;
            return this;
        }

        /** Time for cooldowns and per-minute failure counts (default the system clock). */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Randomness for the strategy and the back-off jitter; must be thread-safe (default thread-local). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Default {@link SimpleShuffleStrategy}. */
        public Builder strategy(RoutingStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Where cooldowns and failure counts live (default a fresh {@link RoutingState#inMemory()}). */
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

        /**
         * Checks the configuration and connects every deployment once.
         *
         * @throws IllegalStateException    when no connector was given
         * @throws IllegalArgumentException when deployments share an id, or a fallback names an unknown group
         */
        public Router build() {
            if (connector == null) {
                throw new IllegalStateException("a DeploymentConnector is required");
            }
            var groups = Routes.group(deployments);
            Routes.requireKnownFallbacks(settings.fallbacks(), groups.keySet());
            DeploymentConnector connector = this.connector;
            Routes<TranscriptionPort> routes = Routes.connect(groups, connector::connect,
                    allowDirectModels ? connector::direct : model -> Optional.empty());
            RoutingContext context = new RoutingContext(settings, clock, random, strategy,
                    state != null ? state : RoutingState.inMemory(), sleeper, backoff,
                    Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("voxgate-attempt-", 0).factory()));
            return new Router(routes, context);
        }
    }
}
