package dev.voxgate.router.state;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One deployment's counters in {@link InMemoryRoutingState}. The per-minute counts belong to one calendar minute
 * and start again from zero in the next.
 *
 * <p>Thread-safe: every method holds this entry's own lock, so deployments never wait for each other.
 */
final class DeploymentEntry {

    private long minute = Long.MIN_VALUE;
    private int requests;
    private int failures;
    private final Map<FailureKind, Integer> failuresByKind = new EnumMap<>(FailureKind.class);
    private double audioSeconds;
    private int inFlight;
    private final Deque<LatencySample> latencies = new ArrayDeque<>(RoutingState.LATENCY_SAMPLES);
    // Copied once per success rather than once per read: every pick reads every deployment of its group.
    private List<LatencySample> latencySnapshot = List.of();

    synchronized DeploymentUsage usage(Instant now) {
        roll(now);
        return new DeploymentUsage(inFlight, requests, failures, audioSeconds, latencySnapshot);
    }

    synchronized boolean tryStart(Instant now, DeploymentLimits limits) {
        roll(now);
        if (!limits.admits(new DeploymentUsage(inFlight, requests, failures, audioSeconds, List.of()))) {
            return false;
        }
        inFlight++;
        requests++;
        return true;
    }

    synchronized MinuteCounts finish(Instant now, AttemptOutcome outcome) {
        roll(now);
        inFlight = Math.max(0, inFlight - 1);
        int ofKind = 0;
        switch (outcome) {
            case AttemptOutcome.Succeeded succeeded -> {
                audioSeconds += succeeded.audioSeconds().orElse(0);
                if (latencies.size() == RoutingState.LATENCY_SAMPLES) {
                    latencies.removeFirst();
                }
                latencies.addLast(new LatencySample(now, succeeded.latency(), succeeded.audioSeconds()));
                latencySnapshot = List.copyOf(latencies);
            }
            case AttemptOutcome.Failed failed -> {
                failures++;
                ofKind = failuresByKind.merge(failed.kind(), 1, Integer::sum);
            }
            case AttemptOutcome.Abandoned abandoned -> {
                // only the in-flight count changes: the call, not the deployment, gave up
            }
        }
        return new MinuteCounts(requests, failures, ofKind);
    }

    private void roll(Instant now) {
        long current = Math.floorDiv(now.getEpochSecond(), 60);
        if (current != minute) {
            minute = current;
            requests = 0;
            failures = 0;
            failuresByKind.clear();
            audioSeconds = 0;
        }
    }
}
