package dev.voxgate.proxy.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The log's way to the process's standard output or error: a line written here is copied to memory and a thread of
 * its own writes what gathered, at most {@link #LINGER_MILLIS} ms later, in one system call.
 *
 * <p>Because a request's thread must not do the write itself: it is a virtual thread, and a file write blocks its
 * carrier, which the JDK makes up for by waking another carrier for the time of the call. With an access line per
 * request that was a tenth of the proxy's throughput at 64 clients (bench/run.sh, 100 KiB), while the same lines
 * written together cost next to nothing. The price: a line reaches the output up to {@link #LINGER_MILLIS} ms late,
 * and a process killed with {@code SIGKILL} loses at most that much of its log; a stop writes everything out
 * ({@link #close}). When more than {@link #MAX_PENDING} bytes wait (the output is blocked or slower than the log), the
 * writing thread writes them itself, as an unbuffered stream would make it wait.
 *
 * <p>Thread-safe; {@link #flush} does not wait for the write, {@link #close} does.
 */
final class BatchedOutput extends OutputStream {

    static final long LINGER_MILLIS = 10;
    static final int MAX_PENDING = 1 << 20;

    private final OutputStream out;
    private final String threadName;
    // Guards the buffers; held only to copy bytes, never while writing to out.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition gathering = lock.newCondition();
    // Serializes the writes to out, so that what was written first goes out first.
    private final ReentrantLock writing = new ReentrantLock();
    private byte[] pending = new byte[16 * 1024];
    private byte[] spare = new byte[16 * 1024];
    private int size;
    private Thread writer;
    private boolean closed;

    /** Writes to {@code out} from a daemon thread called {@code threadName}, started with the first write. */
    BatchedOutput(OutputStream out, String threadName) {
        this.out = out;
        this.threadName = threadName;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        boolean open;
        boolean overflow = false;
        lock.lock();
        try {
            open = !closed;
            if (open) {
                if (size + length > pending.length) {
                    pending = Arrays.copyOf(pending, Math.max(pending.length * 2, size + length));
                }
                System.arraycopy(bytes, offset, pending, size, length);
                if (size == 0) {
                    startWriter();
                    gathering.signal();
                }
                size += length;
                overflow = size > MAX_PENDING;
            }
        } finally {
            lock.unlock();
        }
        if (!open) {
            writeThrough(bytes, offset, length);
        } else if (overflow) {
            drain();
        }
    }

    /** Does not write: the writer thread does, within {@link #LINGER_MILLIS} ms. */
    @Override
    public void flush() {
    }

    /** Writes out what waits and flushes; later writes go straight to the output. The output is left open. */
    @Override
    public void close() throws IOException {
        writing.lock();
        try {
            lock.lock();
            try {
                closed = true;
                gathering.signalAll();
            } finally {
                lock.unlock();
            }
            drainWriting();
        } finally {
            writing.unlock();
        }
    }

    /** Whether {@link #close} ran. */
    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    // After close: behind what close wrote out, since both hold writing.
    private void writeThrough(byte[] bytes, int offset, int length) throws IOException {
        writing.lock();
        try {
            out.write(bytes, offset, length);
            out.flush();
        } finally {
            writing.unlock();
        }
    }

    private void startWriter() {
        if (writer == null) {
            writer = Thread.ofPlatform().name(threadName).daemon().start(this::writeLoop);
        }
    }

    private void writeLoop() {
        while (true) {
            lock.lock();
            try {
                while (size == 0 && !closed) {
                    gathering.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                // The lines of the next few milliseconds go out in the same write.
                TimeUnit.MILLISECONDS.sleep(LINGER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                drain();
            } catch (IOException e) {
                // The process's output is gone (a closed pipe): there is nowhere to say so, and nothing to retry.
            }
        }
    }

    private void drain() throws IOException {
        writing.lock();
        try {
            drainWriting();
        } finally {
            writing.unlock();
        }
    }

    // Called holding writing.
    private void drainWriting() throws IOException {
        byte[] batch;
        int length;
        lock.lock();
        try {
            batch = pending;
            length = size;
            pending = spare;
            size = 0;
            spare = batch;
        } finally {
            lock.unlock();
        }
        if (length > 0) {
            out.write(batch, 0, length);
            out.flush();
        }
    }
}
