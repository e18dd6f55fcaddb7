package dev.voxgate.state.redis;

import java.time.Instant;

/**
 * The names of one deployment's keys, {@code <namespace>{<deployment id>}:<what>}, made once instead of on every
 * call (each script names three or four of them); the braces keep them in one Redis Cluster slot.
 *
 * <p>Thread-safe: the current minute's name is replaced whole when the minute changes.
 */
final class DeploymentKeys {

    private final String prefix;
    private final String inFlight;
    private final String latency;
    private final String rest;
    private volatile Minute minute = new Minute(Long.MIN_VALUE, "");

    DeploymentKeys(String namespace, String deploymentId) {
        this.prefix = namespace + "{" + deploymentId + "}:";
        this.inFlight = prefix + "inflight";
        this.latency = prefix + "latency";
        this.rest = prefix + "rest";
    }

    /** The rest: until when the deployment rests, in ms. */
    String rest() {
        return rest;
    }

    /** What try-start.lua reads and writes: the in-flight leases, this minute's counts, the rest. */
    String[] start(Instant now) {
        return new String[] {inFlight, minute(now), rest};
    }

    /** What finish.lua writes: the in-flight leases, this minute's counts, the latency samples. */
    String[] finish(Instant now) {
        return new String[] {inFlight, minute(now), latency};
    }

    /** What usage.lua reads: the in-flight leases, this minute's counts, the latency samples, the rest. */
    String[] look(Instant now) {
        return new String[] {inFlight, minute(now), latency, rest};
    }

    // The counts of the calendar minute (UTC) that contains now.
    private String minute(Instant now) {
        long number = Math.floorDiv(now.getEpochSecond(), 60);
        Minute current = minute;
        if (current.number() != number) {
            current = new Minute(number, prefix + "m:" + number);
            minute = current;
        }
        return current.key();
    }

    private record Minute(long number, String key) {
    }
}
