package dev.voxgate.router.internal;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.FailureKind;
import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Makes one attempt that the {@link Picker} started, and records how it ended: in the {@link RoutingState} (always
 * exactly once, so in-flight counts cannot leak), in the call's trace, and in the cooldown decision.
 *
 * <p>Thread-safe; holds no per-call state.
 */
final class Attempts {

    private final RoutingContext context;
    private final RoutingState state;
    private final InstantSource clock;
    private final Cooldowns cooldowns;
    private final AttemptRunner runner;

    Attempts(RoutingContext context) {
        this.context = context;
        this.state = context.state();
        this.clock = context.clock();
        this.cooldowns = new Cooldowns(context.settings(), context.state());
        this.runner = new AttemptRunner(context.attemptThreads());
    }

    <P, T> T make(Route<P> route, Target<P> target, Deadline deadline, CallTrace trace, RoutedCall<P, T> call) {
        Deployment deployment = target.deployment();
        Instant start = clock.instant();
        boolean finished = false;
        try {
            T value = runner.run(deployment, attemptLimit(deployment), deadline,
                    () -> call.invoke().apply(deployment, target.port()));
            OptionalDouble audioSeconds = call.audioSeconds().apply(value);
            finished = true;
            succeeded(route, target, start, audioSeconds, trace);
            return value;
        } catch (TranscriptionException e) {
            finished = true;
            failed(route, target, start, e, trace);
            throw e;
        } catch (CallEnded ended) {
            trace.attempt(route.name(), target.id(), CallTrace.elapsed(start, clock.instant()),
                    Optional.of(ended.failure().failure()));
            throw ended;
        } finally {
            // The call gave up (deadline, interrupt) or something unexpected escaped: the slot must still be freed.
            if (!finished) {
                state.finish(target.id(), clock.instant(), new AttemptOutcome.Abandoned());
            }
        }
    }

    private void succeeded(Route<?> route, Target<?> target, Instant start, OptionalDouble audioSeconds,
                           CallTrace trace) {
        Instant end = clock.instant();
        Duration took = CallTrace.elapsed(start, end);
        state.finish(target.id(), end, new AttemptOutcome.Succeeded(took, audioSeconds));
        trace.attempt(route.name(), target.id(), took, Optional.empty());
    }

    private void failed(Route<?> route, Target<?> target, Instant start, TranscriptionException e, CallTrace trace) {
        Instant end = clock.instant();
        MinuteCounts counts = state.finish(target.id(), end, new AttemptOutcome.Failed(FailureKind.of(e.failure())));
        trace.attempt(route.name(), target.id(), CallTrace.elapsed(start, end), Optional.of(e.failure()));
        cooldowns.afterFailure(route, target.deployment(), e.failure(), counts, end);
    }

    private Duration attemptLimit(Deployment deployment) {
        return deployment.timeout().orElse(context.settings().attemptTimeout());
    }
}
