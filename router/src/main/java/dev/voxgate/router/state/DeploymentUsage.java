package dev.voxgate.router.state;

import java.util.List;

/**
 * What one deployment is doing, as {@link RoutingState#usage} reads it: the counts of the current calendar minute
 * (UTC), the calls in flight now, and its latest latencies, oldest first.
 *
 * @param inFlight               attempts started and not yet finished
 * @param requestsThisMinute     attempts started this minute
 * @param failuresThisMinute     attempts that failed this minute
 * @param audioSecondsThisMinute audio seconds its successful attempts transcribed this minute
 * @param latencies              its latest successful attempts' latencies, oldest first
 *
 * <p>Immutable and thread-safe.
 */
public record DeploymentUsage(int inFlight, int requestsThisMinute, int failuresThisMinute,
                              double audioSecondsThisMinute, List<LatencySample> latencies) {

    private static final DeploymentUsage IDLE = new DeploymentUsage(0, 0, 0, 0, List.of());

    public DeploymentUsage {
        latencies = List.copyOf(latencies);
    }

    /** A deployment that has done nothing (yet, or this minute). */
    public static DeploymentUsage idle() {
        return IDLE;
    }
}
