package dev.voxgate.local;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.audio.DecodeDeadline;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the decoding of one deployment: at most {@code slots} requests decode at once, at most {@code queued}
 * more wait for a slot in arrival order, and any request beyond that is refused at once with {@code RateLimited}
 * and a {@code Retry-After} estimated from how long recent decodes held their slot. Decoding is CPU-bound, so
 * a pile of waiting requests would only make every one of them late.
 *
 * <p>Thread-safe.
 */
final class DecodeGate {

    private static final long UNKNOWN = -1;

    private final String deployment;
    private final int slots;
    private final int queued;
    private final Semaphore running;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicLong averageHoldNanos = new AtomicLong(UNKNOWN);

    DecodeGate(String deployment, int slots, int queued) {
        this.deployment = deployment;
        this.slots = slots;
        this.queued = queued;
        this.running = new Semaphore(slots, true);
    }

    /**
     * A place in line; close it when the request ends, whether or not it got a slot.
     *
     * @throws TranscriptionException {@code RateLimited} when every slot and every waiting place is taken
     */
    Ticket admit() {
        int ahead = admitted.getAndIncrement();
        if (ahead >= slots + queued) {
            admitted.decrementAndGet();
            Duration wait = estimatedWait(ahead);
            throw new TranscriptionException(new RateLimited("The local engine of deployment '" + deployment
                    + "' is busy: its decode slots (max_concurrent_decodes: " + slots + ") and waiting places "
                    + "(max_queued_decodes: " + queued + ") are all taken. Try again in " + wait.toSeconds() + " s.",
                    Optional.of(wait)));
        }
        return new Ticket();
    }

    // The queue drains about one slot-hold per `slots` requests ahead; without history, assume a second each.
    private Duration estimatedWait(int ahead) {
        long hold = averageHoldNanos.get();
        double seconds = (hold == UNKNOWN ? 1.0 : hold / 1e9) * Math.ceil((ahead - slots + 1) / (double) slots);
        return Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds)));
    }

    private void recordHold(long nanos) {
        averageHoldNanos.updateAndGet(average -> average == UNKNOWN ? nanos : (average * 4 + nanos) / 5);
    }

    /** One admitted request: waits for a slot, holds it while decoding, and gives both back on close. */
    final class Ticket implements AutoCloseable {
        private boolean holding;
        private long heldSince;

        /**
         * Waits until a slot is free.
         *
         * @throws TranscriptionException {@code UpstreamTimeout} when the deadline passes or the wait is interrupted
         */
        void awaitSlot(DecodeDeadline deadline) {
            try {
                if (!running.tryAcquire(Math.max(0, deadline.remaining().toNanos()), TimeUnit.NANOSECONDS)) {
                    throw deadline.expired("waiting for a free decode slot");
                }
                holding = true;
                heldSince = System.nanoTime();
            } catch (InterruptedException e) {
                throw deadline.interrupted("waiting for a free decode slot");
            }
        }

        @Override
        public void close() {
            if (holding) {
                recordHold(System.nanoTime() - heldSince);
                running.release();
            }
            admitted.decrementAndGet();
        }
    }
}
