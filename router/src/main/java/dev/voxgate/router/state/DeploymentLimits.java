package dev.voxgate.router.state;

import java.util.Objects;
import java.util.Optional;

/**
 * What one deployment may take, as {@link RoutingState#tryStart} checks it. An empty limit is no limit.
 *
 * @param maxParallelRequests calls in flight at once
 * @param rpm                 attempts started per calendar minute
 * @param tpm                 audio seconds per calendar minute (LiteLLM's tokens per minute, read for audio)
 *
 * <p>Immutable and thread-safe.
 */
public record DeploymentLimits(Optional<Integer> maxParallelRequests, Optional<Integer> rpm, Optional<Integer> tpm) {

    private static final DeploymentLimits NONE = new DeploymentLimits(Optional.empty(), Optional.empty(),
            Optional.empty());

    public DeploymentLimits {
        Objects.requireNonNull(maxParallelRequests, "maxParallelRequests");
        Objects.requireNonNull(rpm, "rpm");
        Objects.requireNonNull(tpm, "tpm");
    }

    /** No limit at all. */
    public static DeploymentLimits none() {
        return NONE;
    }

    /** Whether these limits limit nothing: only a rest can refuse an attempt then. */
    public boolean unlimited() {
        return maxParallelRequests.isEmpty() && rpm.isEmpty() && tpm.isEmpty();
    }

    /** Whether a deployment with {@code usage} may start one more attempt. */
    public boolean admits(DeploymentUsage usage) {
        return maxParallelRequests.map(max -> usage.inFlight() < max).orElse(true)
                && rpm.map(max -> usage.requestsThisMinute() < max).orElse(true)
                && tpm.map(max -> usage.audioSecondsThisMinute() < max).orElse(true);
    }
}
