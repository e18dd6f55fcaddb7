package dev.voxgate.router;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.state.LatencySample;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one deployment is doing now, as {@link DeploymentStatuses} reads it: what an operator asks first (is it
 * resting, how busy is it, how fast has it been, why did it last fail).
 *
 * @param group            the model group it serves
 * @param deployment       the deployment
 * @param restingUntil     when it is picked again, while it rests; empty when it serves
 * @param inFlight         attempts on it now
 * @param requestsThisMinute attempts started on it this calendar minute, by every caller of the shared state
 * @param failuresThisMinute attempts of those that failed
 * @param atLimit          why it takes no attempt now although it serves ({@code has used its rpm of 60}), as the
 *                         router judges it; empty when it takes attempts (or rests)
 * @param recentLatencies  its latest successful attempts, oldest first (at most {@code RoutingState.LATENCY_SAMPLES}
 *                         or so)
 * @param lastFailure      the kind of its latest failure this router saw; empty when none
 * @param lastFailureAt    when that failure ended
 *
 * <p>Immutable and thread-safe.
 */
public record DeploymentStatus(String group, Deployment deployment, Optional<Instant> restingUntil, int inFlight,
                               int requestsThisMinute, int failuresThisMinute, Optional<String> atLimit,
                               List<LatencySample> recentLatencies,
                               Optional<FailureKind> lastFailure, Optional<Instant> lastFailureAt) {

    public DeploymentStatus {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(restingUntil, "restingUntil");
        Objects.requireNonNull(atLimit, "atLimit");
        recentLatencies = List.copyOf(recentLatencies);
        Objects.requireNonNull(lastFailure, "lastFailure");
        Objects.requireNonNull(lastFailureAt, "lastFailureAt");
    }

    /** Whether it rests now. */
    public boolean resting() {
        return restingUntil.isPresent();
    }
}
