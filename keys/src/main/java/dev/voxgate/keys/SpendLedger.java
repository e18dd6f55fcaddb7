package dev.voxgate.keys;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spend rows on their way to the store: a request only adds its row here, and one writer thread writes them in
 * batches, each batch with the totals it raises, in one transaction. While the store is away rows wait (up to
 * {@link #capacity()}) and are written, none lost and none twice, once it answers; {@link #close} writes what is left
 * before the process exits.
 *
 * <p>Thread-safe.
 */
public final class SpendLedger implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SpendLedger.class.getName());
    private static final int BATCH = 500;
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final KeyStore store;
    private final KeyRing ring;
    private final int capacity;
    private final Duration interval;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    // One writer at a time: the writer thread, or close() after it.
    private final ReentrantLock writing = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private final Deque<SpendRow> rows = new ArrayDeque<>();
    private final Thread writer;
    private boolean closing;
    private boolean full;

    /**
     * @param capacity rows kept while the store is away; beyond them new rows are refused ({@link #add} false)
     * @param interval how often waiting rows are written
     */
    public SpendLedger(KeyStore store, KeyRing ring, int capacity, Duration interval, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.ring = Objects.requireNonNull(ring, "ring");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Thread.ofPlatform().daemon().name("voxgate-spend-writer").start(this::writeUntilClosed);
    }

    /** Whether a row can be taken now: false when {@link #capacity()} rows already wait. */
    public boolean hasRoom() {
        lock.lock();
        try {
            return rows.size() < capacity;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes {@code row} to be written, and counts its cost against its key's and team's budgets at once.
     *
     * @return false, the row not taken, when {@link #capacity()} rows already wait
     */
    public boolean add(SpendRow row) {
        lock.lock();
        try {
            if (rows.size() >= capacity) {
                if (!full) {
                    full = true;
                    LOG.log(Level.ERROR, "spend buffer full (" + capacity + " rows wait for the key database): "
                            + "calls with a database-backed key are refused until rows are written");
                }
                return false;
            }
            full = false;
            rows.addLast(row);
            ring.spent(row);
            if (rows.size() >= BATCH) {
                waiting.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Rows waiting to be written. */
    public int waiting() {
        lock.lock();
        try {
            return rows.size();
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return capacity;
    }

    /** Writes what waits now, in the caller's thread; false when the store did not take it all. */
    public boolean flush() {
        writing.lock();
        try {
            while (true) {
                List<SpendRow> batch = peek();
                try {
                    store.record(batch, clock.instant());
                } catch (StoreUnavailable e) {
                    return false;
                }
                remove(batch);
                if (batch.size() < BATCH) {
                    return true;
                }
            }
        } finally {
            writing.unlock();
        }
    }

    /**
     * Stops the writer and writes what is left, trying until {@code deadline} passes.
     *
     * @return whether every row was written
     */
    public boolean close(Duration deadline) {
        lock.lock();
        try {
            closing = true;
            waiting.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(deadline.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Instant until = clock.instant().plus(deadline);
        while (!flush()) {
            if (!clock.instant().isBefore(until)) {
                LOG.log(Level.ERROR, waiting() + " spend rows could not be written before exit: the key database "
                        + "did not answer within " + deadline.toSeconds() + " s");
                return false;
            }
            pause(Duration.ofMillis(200));
        }
        return true;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private void writeUntilClosed() {
        Duration pauseAfterFailure = interval;
        while (true) {
            lock.lock();
            try {
                if (!closing && rows.size() < BATCH) {
                    waiting.await(pauseAfterFailure.toMillis(), TimeUnit.MILLISECONDS);
                }
                if (closing) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            // While the store is away the writer tries less and less often, up to every 5 s: each try finds out whether
            // it is back, for the key checks too.
            pauseAfterFailure = flush() ? interval : min(pauseAfterFailure.multipliedBy(2), LONGEST_PAUSE);
        }
    }

    private List<SpendRow> peek() {
        lock.lock();
        try {
            List<SpendRow> batch = new ArrayList<>(Math.min(BATCH, rows.size()));
            for (SpendRow row : rows) {
                if (batch.size() == BATCH) {
                    break;
                }
                batch.add(row);
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    // Only flush() removes rows, one at a time, so the first ones are the batch it wrote.
    private void remove(List<SpendRow> batch) {
        lock.lock();
        try {
            for (int i = 0; i < batch.size(); i++) {
                rows.removeFirst();
            }
        } finally {
            lock.unlock();
        }
        ring.written(batch);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
