package dev.voxgate.router.state;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the router remembers about deployments between calls: which rest (cool down) and until when; what each does
 * in the current calendar minute (UTC): attempts started, failures by kind, audio seconds transcribed; how many of
 * its attempts are in flight; and its latest latencies. Strategies read it through {@link #usage}, so a shared store
 * can replace the in-memory adapter without touching them.
 *
 * <p>Callers pass the time in, read from the router's {@link java.time.InstantSource}, so an adapter never reads a
 * clock of its own and tests control time fully. Times are absolute, so an adapter over a shared store can expire
 * entries at the same instant for every instance. Each method is at most one round trip to such a store; one may
 * answer {@link #tryStart} on a deployment without {@linkplain DeploymentLimits#unlimited limits} and {@link #end}
 * from what it keeps locally, sending their counts later.
 *
 * <p>Implementations are thread-safe and should not hold a global lock: every attempt of every call uses them.
 */
public interface RoutingState {

    /** How many latencies {@link #usage} keeps per deployment at least (LiteLLM's {@code max_latency_list_size}). */
    int LATENCY_SAMPLES = 10;

    /**
     * The deployments among {@code deploymentIds} that rest at {@code now}, each with the instant it is back.
     * Deployments that do not rest are absent from the map.
     */
    Map<String, Instant> restingUntil(Collection<String> deploymentIds, Instant now);

    /** Makes the deployment rest until {@code until}; a later rest already recorded is kept. */
    void rest(String deploymentId, Instant until);

    /**
     * What each of {@code deploymentIds} is doing at {@code now}: every id is in the map, one never used (or not
     * this minute) with {@link DeploymentUsage#idle()} counts.
     */
    Map<String, DeploymentUsage> usage(Collection<String> deploymentIds, Instant now);

    /**
     * Starts one attempt on the deployment if it does not rest at {@code now} and {@code limits} admit it,
     * atomically: when both hold, its in-flight count and this minute's attempts go up by one; otherwise nothing
     * changes. So a pick that needs nothing else from the state decides and starts in one round trip at most. Every
     * started attempt is {@linkplain #finish finished} exactly once.
     *
     * @return whether the attempt was started
     */
    boolean tryStart(String deploymentId, Instant now, DeploymentLimits limits);

    /**
     * Ends an attempt {@link #tryStart} started: its in-flight count goes down by one, and the outcome is recorded
     * in the minute that contains {@code now} (a success's latency and audio seconds, a failure by kind).
     *
     * @return the deployment's counts in that minute, this outcome included
     */
    MinuteCounts finish(String deploymentId, Instant now, AttemptOutcome outcome);

    /**
     * Ends an attempt as {@link #finish} does, when the caller has no use for the counts (a success, an abandoned
     * call): a state kept elsewhere may record it without making the caller wait. The attempt is ended either way.
     */
    default void end(String deploymentId, Instant now, AttemptOutcome outcome) {
        finish(deploymentId, now, outcome);
    }

    /**
     * The rests and the usage of {@code deploymentIds} at {@code now} together, as {@link #restingUntil} and
     * {@link #usage} give them: what every pick reads. A state kept elsewhere answers both in one round trip.
     */
    default Snapshot snapshot(Collection<String> deploymentIds, Instant now) {
        return new Snapshot(restingUntil(deploymentIds, now), usage(deploymentIds, now));
    }

    /**
     * @param restingUntil the deployments that rest, each with the instant it is back
     * @param usage        what each deployment is doing
     */
    record Snapshot(Map<String, Instant> restingUntil, Map<String, DeploymentUsage> usage) {
        public Snapshot {
            restingUntil = Map.copyOf(restingUntil);
            usage = Map.copyOf(usage);
        }
    }

    /** A fresh in-memory state, private to the router that uses it. */
    static RoutingState inMemory() {
        return new InMemoryRoutingState();
    }
}
