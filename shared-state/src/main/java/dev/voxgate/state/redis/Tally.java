package dev.voxgate.state.redis;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.state.LatencySample;
import dev.voxgate.router.state.RoutingState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What this replica did on one deployment that Redis has not been told yet: attempts it started without a round trip
 * (the deployment has no limits), how they ended (failures by kind, audio seconds, latencies) and how many it has in
 * flight there now. The counts belong to one calendar minute; those of a minute that ended wait, apart, for the next
 * {@linkplain #drain drain}.
 *
 * <p>Thread-safe: every method holds the tally's own lock, so deployments never wait for each other.
 */
final class Tally {

    private long minute = Long.MIN_VALUE;
    private int requests;
    private final Map<FailureKind, Integer> failures = new EnumMap<>(FailureKind.class);
    private double audioSeconds;
    private final Deque<LatencySample> samples = new ArrayDeque<>(RoutingState.LATENCY_SAMPLES);
    private int inFlight;
    private boolean inFlightTold = true;
    private final List<Delta> earlier = new ArrayList<>(1);

    /** Starts an attempt here. */
    synchronized void started(Instant now) {
        roll(now);
        requests++;
        inFlight++;
        inFlightTold = false;
    }

    /** Marks the in-flight count as not told, after a send that carried it failed: the next drain carries it again. */
    synchronized void retell() {
        inFlightTold = false;
    }

    /** Whether an attempt started here is in flight, which {@link #ended} would end. */
    synchronized boolean holdsAttempt() {
        return inFlight > 0;
    }

    /** Ends an attempt, recording its outcome: one {@link #started} here, if any is in flight here. */
    synchronized void ended(Instant now, AttemptOutcome outcome) {
        roll(now);
        if (inFlight > 0) {
            inFlight--;
            inFlightTold = false;
        }
        record(now, outcome);
    }

    /**
     * Ends an attempt as {@link #ended} does ({@code endsHere}), or only records the outcome of one on a lease, and
     * takes every count out for one record.lua call: the current minute's first (even when empty), as the answer is
     * read from it.
     */
    synchronized List<Delta> drainWith(Instant now, AttemptOutcome outcome, boolean endsHere) {
        if (endsHere) {
            ended(now, outcome);
        } else {
            roll(now);
            record(now, outcome);
        }
        return drain(true);
    }

    /** Takes out every count Redis has not been told, the current minute's first; empty when there are none. */
    synchronized List<Delta> drain() {
        return drain(false);
    }

    private List<Delta> drain(boolean withCurrent) {
        List<Delta> out = new ArrayList<>(earlier.size() + 1);
        Delta current = take(true);
        if (withCurrent || !current.empty()) {
            out.add(current);
        }
        out.addAll(earlier);
        earlier.clear();
        return out;
    }

    /** What Redis was not told yet of {@code now}'s minute, and this replica's attempts in flight here. */
    synchronized Unsent unsent(Instant now) {
        if (minute != DeploymentKeys.minuteOf(now)) {
            return new Unsent(inFlight, 0, 0, 0, List.of());
        }
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        return new Unsent(inFlight, requests, failed, audioSeconds, List.copyOf(samples));
    }

    private void record(Instant now, AttemptOutcome outcome) {
        switch (outcome) {
            case AttemptOutcome.Succeeded succeeded -> {
                audioSeconds += succeeded.audioSeconds().orElse(0);
                if (samples.size() == RoutingState.LATENCY_SAMPLES) {
                    samples.removeFirst();
                }
                samples.addLast(new LatencySample(now, succeeded.latency(), succeeded.audioSeconds()));
            }
            case AttemptOutcome.Failed failed -> failures.merge(failed.kind(), 1, Integer::sum);
            case AttemptOutcome.Abandoned abandoned -> {
                // only the in-flight count changes: the call, not the deployment, gave up
            }
        }
    }

    // A new minute puts the last one's counts aside for the next drain; the in-flight count, a number of now rather
    // than of a minute, stays with the current counts.
    private void roll(Instant now) {
        long current = DeploymentKeys.minuteOf(now);
        if (current != minute) {
            Delta last = take(false);
            if (!last.empty()) {
                earlier.add(last);
            }
            minute = current;
        }
    }

    private Delta take(boolean withInFlight) {
        boolean tell = withInFlight && !inFlightTold;
        Delta delta = new Delta(minute, requests, Map.copyOf(failures), audioSeconds, List.copyOf(samples),
                tell ? OptionalInt.of(inFlight) : OptionalInt.empty());
        requests = 0;
        failures.clear();
        audioSeconds = 0;
        samples.clear();
        inFlightTold |= tell;
        return delta;
    }

    /**
     * Counts of one minute that Redis was not told yet.
     *
     * @param minute       the minute's number, as {@link DeploymentKeys#minuteOf} gives it
     * @param requests     attempts started
     * @param failures     failures by kind
     * @param audioSeconds audio seconds of successes
     * @param samples      latencies of successes, oldest first
     * @param inFlight     this replica's attempts in flight now, when Redis does not know the number yet
     */
    record Delta(long minute, int requests, Map<FailureKind, Integer> failures, double audioSeconds,
                 List<LatencySample> samples, OptionalInt inFlight) {

        /** An attempt on a lease ended with {@code outcome}: no tally, only the outcome. */
        static Delta of(Instant now, AttemptOutcome outcome) {
            Tally single = new Tally();
            single.roll(now);
            single.record(now, outcome);
            return single.take(false);
        }

        boolean empty() {
            return requests == 0 && failures.isEmpty() && audioSeconds == 0 && samples.isEmpty()
                    && inFlight.isEmpty();
        }
    }

    /** What {@link #unsent} saw: the fields of {@link DeploymentUsage}, counted here and not yet in Redis. */
    record Unsent(int inFlight, int requests, int failures, double audioSeconds, List<LatencySample> samples) {

        /** {@code shared} (what Redis says, without this replica's in-flight count) with this added. */
        DeploymentUsage addTo(DeploymentUsage shared) {
            List<LatencySample> latencies = shared.latencies();
            if (!samples.isEmpty()) {
                List<LatencySample> all = new ArrayList<>(latencies);
                all.addAll(samples);
                latencies = all.subList(Math.max(0, all.size() - RoutingState.LATENCY_SAMPLES), all.size());
            }
            return new DeploymentUsage(shared.inFlight() + inFlight, shared.requestsThisMinute() + requests,
                    shared.failuresThisMinute() + failures, shared.audioSecondsThisMinute() + audioSeconds,
                    latencies);
        }
    }
}
