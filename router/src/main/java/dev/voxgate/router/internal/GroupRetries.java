package dev.voxgate.router.internal;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.model.Deployment;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The attempts of one call within one route: the first, then up to {@code retries} more. Each retry picks a
 * deployment again, preferring a healthy one this call has not tried, at once; only when none is left does it
 * wait (see {@link dev.voxgate.router.RetryBackoff}) and go back to a tried one. Retryable failures are retried;
 * an authentication failure moves on only to an untried deployment; any other failure ends the route at once.
 *
 * <p>Thread-safe; per-call state lives on the stack of {@link #run}.
 */
final class GroupRetries {

    private final RoutingContext context;
    private final Picker picker;
    private final Cooldowns cooldowns;
    private final AttemptRunner runner;

    GroupRetries(RoutingContext context) {
        this.context = context;
        this.picker = new Picker(context.state(), context.clock(), context.strategy(), context.random());
        this.cooldowns = new Cooldowns(context.settings(), context.state(), context.clock());
        this.runner = new AttemptRunner(context.attemptThreads());
    }

    <P, T> T run(Route<P> route, int retries, Deadline deadline, BiFunction<Deployment, P, T> call) {
        Set<String> tried = new HashSet<>();
        Target<P> target = picker.first(route);
        for (int attempt = 0; ; attempt++) {
            tried.add(target.id());
            try {
                Target<P> current = target;
                return runner.run(current.deployment(), attemptLimit(current.deployment()), deadline,
                        () -> call.apply(current.deployment(), current.port()));
            } catch (TranscriptionException e) {
                cooldowns.recordFailure(route, target.deployment(), e.failure());
                if (attempt == retries || !worthRetrying(e.failure())) {
                    throw e;
                }
                target = next(route, tried, e, attempt, deadline);
            }
        }
    }

    private <P> Target<P> next(Route<P> route, Set<String> tried, TranscriptionException last, int retry,
                               Deadline deadline) {
        List<Target<P>> healthy = picker.healthy(route);
        List<Target<P>> untried = healthy.stream().filter(target -> !tried.contains(target.id())).toList();
        if (!untried.isEmpty()) {
            return picker.pick(route, untried);
        }
        // Credentials refused by a deployment stay refused by it, and with nothing healthy left there is nothing
        // to wait for within this group: both end it here, so that its fallbacks can run.
        if (last.failure() instanceof AuthenticationFailed || healthy.isEmpty()) {
            throw last;
        }
        backOff(context.backoff().delay(retry, Cooldowns.retryAfter(last.failure()), context.random()), deadline, last);
        List<Target<P>> afterWait = picker.healthy(route);
        if (afterWait.isEmpty()) {
            throw last;
        }
        return picker.pick(route, afterWait);
    }

    private void backOff(Duration delay, Deadline deadline, TranscriptionException last) {
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

    private Duration attemptLimit(Deployment deployment) {
        return deployment.timeout().orElse(context.settings().attemptTimeout());
    }

    private static boolean worthRetrying(TranscriptionFailure failure) {
        return failure.retryable() || failure instanceof AuthenticationFailed;
    }
}
