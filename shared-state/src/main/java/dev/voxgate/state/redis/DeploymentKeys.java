package dev.voxgate.state.redis;

import java.time.Instant;

/**
 * The names of one deployment's keys, {@code <namespace>{<deployment id>}:<what>}, made once instead of on every
 * call (each script names three to five of them); the braces keep them in one Redis Cluster slot.
 *
 * <p>Thread-safe: the current minute's name is replaced whole when the minute changes.
 */
final class DeploymentKeys {

    private final String prefix;
    private final String inFlight;
    private final String latency;
    private final String rest;
    private final String busy;
    private volatile Minute minute = new Minute(Long.MIN_VALUE, "");

    DeploymentKeys(String namespace, String deploymentId) {
        this.prefix = namespace + "{" + deploymentId + "}:";
        this.inFlight = prefix + "inflight";
        this.latency = prefix + "latency";
        this.rest = prefix + "rest";
        this.busy = prefix + "busy";
    }

    /** The calendar minute (UTC) that contains {@code now}, as the counts' keys number it. */
    static long minuteOf(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), 60);
    }

    /** The rest: until when the deployment rests, in ms. */
    String rest() {
        return rest;
    }

    /** What try-start.lua reads and writes: the in-flight leases, this minute's counts, the rest. */
    String[] start(Instant now) {
        return new String[] {inFlight, minute(minuteOf(now)), rest};
    }

    /**
     * What record.lua writes for the counts of {@code minute}: the in-flight leases, that minute's counts, the
     * latency samples, the replicas' in-flight counts; and the rest it reads.
     */
    String[] record(long minute) {
        return new String[] {inFlight, minute(minute), latency, busy, rest};
    }

    /** What usage.lua reads: the in-flight leases, this minute's counts, the latency samples, the rest, the counts. */
    String[] look(Instant now) {
        return new String[] {inFlight, minute(minuteOf(now)), latency, rest, busy};
    }

    // The counts of minute number (since the epoch); the current one's name is kept.
    private String minute(long number) {
        Minute current = minute;
        if (current.number() == number) {
            return current.key();
        }
        String key = prefix + "m:" + number;
        if (number > current.number()) {
            minute = new Minute(number, key);
        }
        return key;
    }

    private record Minute(long number, String key) {
    }
}
