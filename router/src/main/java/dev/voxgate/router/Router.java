package dev.voxgate.router;

import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.core.model.RequestNeeds;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.internal.CallThreads;
import dev.voxgate.router.internal.RoutedCall;
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
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
 * <li><b>Pick.</b> Deployments that rest (cool down) or are at a limit ({@code rpm}, {@code tpm} in audio seconds,
 *     {@code max_parallel_requests}) are left out; of the rest, only the best {@code order} tier is considered;
 *     the {@link RoutingStrategy} chooses there. If none is available, the group fails with
 *     {@code NoHealthyDeployment}, whose {@code retryAfter} is when the first one frees up.</li>
 * <li><b>Retry.</b> Up to {@code numRetries} retries ({@link CallOptions} first, else {@link RouterSettings}; a
 *     {@code retryPolicy} entry for the failure's kind wins), each on an available deployment not yet tried in
 *     this call, at once; when none is left, after a back-off ({@link RetryBackoff}, at least {@code retryAfter}) on
 *     a tried one. Refused credentials, and bad requests (retried only when {@code retryPolicy} gives them
 *     retries), only move to an untried deployment; an unknown model is never retried.</li>
 * <li><b>Cool down.</b> A failing deployment rests for its {@code cooldownTime}, else the router's, lengthened to
 *     the provider's {@code Retry-After}: at once when rate-limited (or refused) in a group of several, after
 *     more than {@code allowedFails} (or its {@code allowedFailsPolicy} entry) failures in a minute, or when more
 *     than half of at least 5 attempts this minute failed in a group of several.</li>
 * <li><b>Fall back.</b> When the group fails, unless the request itself is at fault, the fallback groups are tried
 *     in order, each with retries of its own, at most {@code maxFallbacks}: the call's list, else the group's
 *     configured list, else the {@code "*"} list; none with {@code disableFallbacks}. If all fail, the caller gets
 *     the first group's failure kind, its message extended with each fallback's outcome.</li>
 * <li><b>Time out.</b> An attempt may take its deployment's {@code timeout}, else {@code attemptTimeout}, and no
 *     more than what is left of the call's deadline (the shorter of {@link CallOptions#timeout()} and
 *     {@code totalTimeout}), which covers every attempt, wait and fallback.</li>
 * </ol>
 * {@link #route}, {@link #routeAsync} and {@link #routeStreaming} return the result with a {@link RoutingReport} of
 * what happened; the {@link TranscriptionPort} methods return the result alone. Every failure reaches the caller as a {@link RoutedTranscriptionException}, which carries the report.
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
        Optional<Double> measured = measuredSeconds(request);
        RequestNeeds needs = RequestNeeds.of(request, options.task(), false, measured);
        return engine.execute(request.model(), options, new RoutedCall<>(needs, (deployment, port) -> (switch (
                options.task()) {
            case TRANSCRIBE -> port.transcribe(request);
            case TRANSLATE -> port.translate(request);
        }).withMeasuredDuration(measured), Router::audioSeconds));
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
        StreamStart started = new StreamStart(listener);
        Optional<Double> measured = measuredSeconds(request);
        RequestNeeds needs = RequestNeeds.of(request, AudioTask.TRANSCRIBE, true, measured);
        return engine.execute(request.model(), options, new RoutedCall<>(needs, (deployment, port) -> {
            try {
                return port.transcribeStreaming(request, started).withMeasuredDuration(measured);
            } catch (TranscriptionException e) {
                throw started.hasBegun() ? RoutedCall.endingTheCall(e) : e;
            } catch (RuntimeException e) {
                // Typically the caller went away mid-stream; no other deployment can help with that.
                throw started.hasBegun() ? RoutedCall.endingTheCall(new TranscriptionException(
                        new UpstreamUnavailable("The streamed transcript broke off after it began ("
                                + e.getClass().getSimpleName() + ")", OptionalInt.empty()), e)) : e;
            }
        }, Router::audioSeconds));
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
        return settings;
    }

    // The audio's length as its header gives it, read once per call: what a deployment's max_audio_seconds is
    // checked against, and the duration of an answer whose vendor gave none.
    private static Optional<Double> measuredSeconds(TranscriptionRequest request) {
        return Optional.empty(); // PENDING-AUDIO-DURATION
    }

    // What counts against a deployment's tpm: the audio's length as the answer gives it.
    private static OptionalDouble audioSeconds(Transcription transcription) {
        return transcription.audioSeconds().map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
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

        /**
         * A strategy of your own; without one, {@link RouterSettings#routingStrategy()} (default
         * {@link SimpleShuffleStrategy}) is used.
         */
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
            Routes<TranscriptionPort> routes = Routes.connect(groups, connector::connect, TranscriptionPort::capabilities,
                    allowDirectModels ? connector::direct : model -> Optional.empty());
            RoutingStrategy chosen = strategy != null ? strategy
                    : settings.routingStrategy().create(settings.routingStrategyArgs());
            RoutingContext context = new RoutingContext(settings, clock, random, chosen,
                    state != null ? state : RoutingState.inMemory(), sleeper, backoff,
                    Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("voxgate-attempt-", 0).factory()));
            return new Router(routes, context);
        }
    }
}
