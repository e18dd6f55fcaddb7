package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionFailure;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the router did for one call: the groups it tried, every attempt, and the time spent. A successful call's
 * report comes with its {@link Routed} result; a failed call's with its {@link RoutedTranscriptionException}.
 * Times are read from the router's clock (so a fake clock in tests makes them exact); the provider's share is the
 * sum of the attempts, the router's overhead the rest (picking, state, back-off waits).
 *
 * @param requestedModel the model name the caller asked for
 * @param modelGroup     the group that answered; on failure the last group tried (the requested one if none was)
 * @param deploymentId   the deployment that answered; empty on failure
 * @param attempts       every provider call made, in order, across the requested group and its fallbacks
 * @param fallbacks      the fallback groups tried, in order (groups skipped as unknown are not among them)
 * @param leftOut        the deployments left out of the call before any pick, as unable to serve the request
 * @param totalTime      from the call's start to its end
 * @param providerTime   spent inside provider calls
 *
 * <p>Immutable and thread-safe.
 */
public record RoutingReport(
        String requestedModel,
        String modelGroup,
        Optional<String> deploymentId,
        List<Attempt> attempts,
        List<String> fallbacks,
        List<LeftOut> leftOut,
        Duration totalTime,
        Duration providerTime) {

    public RoutingReport {
        Objects.requireNonNull(requestedModel, "requestedModel");
        Objects.requireNonNull(modelGroup, "modelGroup");
        Objects.requireNonNull(deploymentId, "deploymentId");
        attempts = List.copyOf(attempts);
        fallbacks = List.copyOf(fallbacks);
        leftOut = List.copyOf(leftOut);
        Objects.requireNonNull(totalTime, "totalTime");
        Objects.requireNonNull(providerTime, "providerTime");
    }

    /**
     * Attempts beyond the first of each group that had one: what LiteLLM reports as
     * {@code x-litellm-attempted-retries}.
     */
    public int retries() {
        long groups = attempts.stream().map(Attempt::group).distinct().count();
        return attempts.size() - (int) groups;
    }

    /** How many fallback groups were tried: LiteLLM's {@code x-litellm-attempted-fallbacks}. */
    public int fallbacksTried() {
        return fallbacks.size();
    }

    /** The router's own share of {@link #totalTime()}: the total less the time inside provider calls. */
    public Duration overhead() {
        Duration overhead = totalTime.minus(providerTime);
        return overhead.isNegative() ? Duration.ZERO : overhead;
    }

    /**
     * A deployment that was not offered the call, because it cannot serve what the request asks: it was not called,
     * its limits were not touched, and it was not counted as failing.
     *
     * @param group        the group it belongs to
     * @param deploymentId the deployment
     * @param lacks        what it lacks, each a short phrase such as {@code response_format=srt (it gives json, text)}
     */
    public record LeftOut(String group, String deploymentId, List<String> lacks) {
        public LeftOut {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(deploymentId, "deploymentId");
            lacks = List.copyOf(lacks);
        }

        /** {@code id (lack; lack)}, as messages and headers write it. */
        public String describe() {
            return deploymentId + " (" + String.join("; ", lacks) + ")";
        }
    }

    /**
     * One provider call.
     *
     * @param group        the group it was made for
     * @param deploymentId the deployment called
     * @param duration     how long the call took
     * @param failure      why it failed; empty when it answered
     */
    public record Attempt(String group, String deploymentId, Duration duration,
                          Optional<TranscriptionFailure> failure) {
        public Attempt {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(deploymentId, "deploymentId");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
