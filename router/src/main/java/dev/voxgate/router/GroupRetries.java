package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.Transcription;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The attempts of one call within one route: the first, then the retries {@link RetryRules} allow. Each retry picks
 * a deployment again, preferring an available one this call has not tried, at once; only when none is left does it
 * wait (see {@link RetryBackoff}, at least the router's {@code retryAfter}) and go back to a tried one. A group in
 * which nothing is available any more stops retrying, so that its fallbacks can run.
 *
 * <p>Thread-safe; per-call state lives on the stack of {@link #run}.
 */
final class GroupRetries {

    private final RoutingContext context;
    private final Picker picker;
    private final Attempts attempts;

    GroupRetries(RoutingContext context) {
        this.context = context;
        this.picker = new Picker(context);
        this.attempts = new Attempts(context);
    }

    /** Runs the call's attempts in {@code group}, on {@code credentials} when they are the caller's own. */
    Transcription run(Route group, CallerCredentials credentials, CallRun run) {
        Route route = CapableTargets.of(group, run.call().needs(), run.trace());
        Set<String> tried = new HashSet<>();
        Target target = picker.first(route);
        for (int retry = 0; ; retry++) {
            tried.add(target.id());
            try {
                return attempts.make(route, target, credentials, run);
            } catch (TranscriptionException e) {
                if (!run.rules().allows(retry, e.failure())) {
                    throw e;
                }
                target = next(route, tried, e, retry, run.deadline());
            }
        }
    }

    private Target next(Route route, Set<String> tried, TranscriptionException last, int retry, Deadline deadline) {
        Optional<Target> untried = picker.pick(route, id -> !tried.contains(id));
        if (untried.isPresent()) {
            return untried.get();
        }
        if (RetryRules.untriedOnly(last.failure()) || !picker.anyAvailable(route)) {
            throw last;
        }
        backOff(delay(retry, last), deadline, last);
        return picker.pick(route, id -> true).orElseThrow(() -> last);
    }

    private Duration delay(int retry, TranscriptionException last) {
        Duration backoff = context.backoff().delay(retry, FailureDisposition.of(last.failure()).retryAfter(),
                context.random());
        Duration minimum = context.settings().retryAfter();
        return backoff.compareTo(minimum) < 0 ? minimum : backoff;
    }

    private void backOff(Duration delay, Deadline deadline, TranscriptionException last) {
        if (!deadline.leavesTimeAfter(Duration.ZERO)) {
            throw deadline.expired("passed before the next retry; last failure: " + last.getMessage());
        }
        if (!deadline.leavesTimeAfter(delay)) {
            throw deadline.expired("leaves no time for the " + delay.toMillis()
                    + " ms wait before the next retry; last failure: " + last.getMessage());
        }
        if (delay.isZero()) {
            return;
        }
        try {
            context.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            throw CallEnded.interrupted();
        }
    }
}
