package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.RoutingReport.Attempt;
import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.RoutingState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Makes one attempt that the {@link Picker} started, and records how it ended: in the {@link RoutingState} (always
 * exactly once, so in-flight counts cannot leak), in the call's trace, and in the cooldown decision. On the caller's
 * own credentials the attempt calls a port connected over them, on the same shared deployment, and a failure neither
 * counts against the deployment nor rests it: the caller's wrong key or spent quota fails that caller alone.
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
        this.runner = new AttemptRunner(context.listeners()::handoff);
    }

    Transcription make(Route route, Target target, CallerCredentials credentials, CallRun run) {
        Deployment deployment = target.deployment();
        boolean own = !credentials.isEmpty();
        run.trace().attemptStarted(route.name(), deployment, own);
        Instant start = clock.instant();
        boolean finished = false;
        try {
            Transcription value = runner.run(deployment, attemptLimit(deployment), run.deadline(),
                    () -> run.call().invoke().apply(deployment, port(target, credentials)));
            finished = true;
            succeeded(route, target, own, start, value.audioSeconds().or(run.call().needs()::audioSeconds),
                    run.trace());
            return value;
        } catch (TranscriptionException e) {
            finished = true;
            failed(route, target, own, start, e, run.trace());
            throw e;
        } catch (CallEnded ended) {
            run.trace().attempt(deployment, own, Attempt.failed(route.name(), deployment.id(),
                    CallTrace.elapsed(start, clock.instant()), ended.failure().failure()));
            throw ended;
        } finally {
            // The call gave up (deadline, interrupt) or something unexpected escaped: the slot must still be freed.
            if (!finished) {
                state.end(target.id(), clock.instant(), new AttemptOutcome.Abandoned());
            }
        }
    }

    // Connected per attempt: the caller's credentials live as long as its call, and only the picked deployment
    // needs them.
    private TranscriptionPort port(Target target, CallerCredentials credentials) {
        return credentials.isEmpty() ? target.port()
                : context.connector().orElseThrow().connect(credentials.applyTo(target.deployment()));
    }

    // audioSeconds: the vendor's length of the audio, else the file header's, for tpm and for the bill
    private void succeeded(Route route, Target target, boolean own, Instant start, Optional<Double> audioSeconds,
                           CallTrace trace) {
        Instant end = clock.instant();
        Duration took = CallTrace.elapsed(start, end);
        state.end(target.id(), end, new AttemptOutcome.Succeeded(took,
                audioSeconds.map(OptionalDouble::of).orElseGet(OptionalDouble::empty)));
        BigDecimal cost = audioSeconds.flatMap(seconds -> target.price().map(price -> price.cost(seconds)))
                .orElse(BigDecimal.ZERO);
        trace.attempt(target.deployment(), own, new Attempt(route.name(), target.id(), took, Optional.empty(),
                audioSeconds, cost));
    }

    private void failed(Route route, Target target, boolean own, Instant start, TranscriptionException e,
                        CallTrace trace) {
        Instant end = clock.instant();
        AttemptOutcome outcome = own ? new AttemptOutcome.Abandoned()
                : new AttemptOutcome.Failed(FailureDisposition.of(e.failure()).kind());
        MinuteCounts counts = state.finish(target.id(), end, outcome);
        trace.attempt(target.deployment(), own, Attempt.failed(route.name(), target.id(),
                CallTrace.elapsed(start, end), e.failure()));
        if (!own) {
            cooldowns.afterFailure(route, target.deployment(), e.failure(), counts, end, trace);
        }
    }

    private Duration attemptLimit(Deployment deployment) {
        return deployment.timeout().orElse(context.settings().attemptTimeout());
    }
}
