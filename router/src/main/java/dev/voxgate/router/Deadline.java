package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import java.time.Duration;
import java.util.Optional;

/**
 * The time one routed call may take, all attempts, back-off waits and fallbacks included. Measured on the
 * monotonic clock rather than the router's {@link java.time.InstantSource}: it bounds real waiting, and the
 * per-attempt timeouts it caps are real-time too.
 *
 * @param limit      the call's whole budget; empty when the call has none
 * @param startNanos {@link System#nanoTime()} when the call began
 */
record Deadline(Optional<Duration> limit, long startNanos) {

    static Deadline start(Optional<Duration> limit) {
        return new Deadline(limit, System.nanoTime());
    }

    /** The time left, zero or negative once passed; empty when the call has no deadline. */
    Optional<Duration> remaining() {
        return limit.map(budget -> budget.minusNanos(System.nanoTime() - startNanos));
    }

    /** Whether waiting {@code wait} still leaves time for something after it. */
    boolean leavesTimeAfter(Duration wait) {
        return remaining().map(left -> wait.compareTo(left) < 0).orElse(true);
    }

    /** Ends the call as timed out; {@code detail} says what the deadline cut short. */
    CallEnded expired(String detail) {
        String budget = limit.map(value -> value.toMillis() + " ms").orElse("none");
        return new CallEnded(new TranscriptionException(
                new UpstreamTimeout("Request timed out: the call's deadline of " + budget + " " + detail)));
    }
}
