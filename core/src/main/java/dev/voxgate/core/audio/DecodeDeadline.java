package dev.voxgate.core.audio;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import java.time.Duration;

/**
 * When the work on one request's audio must be done by: for the local engine, waiting for a decode slot,
 * converting the audio and decoding it all count against it. Measured on the monotonic clock.
 *
 * @param limit      the whole budget
 * @param startNanos {@link System#nanoTime()} when the request started
 */
public record DecodeDeadline(Duration limit, long startNanos) {

    /** A budget of {@code limit} starting now. */
    public static DecodeDeadline after(Duration limit) {
        return new DecodeDeadline(limit, System.nanoTime());
    }

    /** The time left; zero or negative once passed. */
    public Duration remaining() {
        return limit.minusNanos(System.nanoTime() - startNanos);
    }

    /**
     * Throws when the budget is spent or the thread was interrupted (the router interrupts an attempt that ran out
     * of time); the interrupt flag stays set for whoever waits further up.
     */
    public void check(String stage) {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(stage);
        }
        if (!remaining().isPositive()) {
            throw expired(stage);
        }
    }

    /** The failure for a budget spent while {@code stage} was going on. */
    public TranscriptionException expired(String stage) {
        return new TranscriptionException(new UpstreamTimeout("Voxgate stopped " + stage + ": the request's "
                + "time limit of " + limit.toSeconds() + " s passed"));
    }

    /** The failure for a wait cut short by an interrupt; sets the interrupt flag again. */
    public TranscriptionException interrupted(String stage) {
        Thread.currentThread().interrupt();
        return new TranscriptionException(new UpstreamTimeout("Voxgate stopped " + stage
                + ": the request was cancelled"));
    }
}
