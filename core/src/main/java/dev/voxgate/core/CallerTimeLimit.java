package dev.voxgate.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Whether the port call running on this thread is bounded by its caller: the router runs every attempt under one
 * alarm that interrupts the attempt's virtual thread when its limit passes (which ends blocking socket I/O), so an
 * adapter need not arm a second timer of its own for the same limit. OkHttp's call timeout is such a timer, and a
 * costly one: every call enters and leaves one priority queue under one lock for the whole JVM (6% of the proxy's
 * CPU samples with 64 clients posting 100 KiB). A port called any other way (directly, or on a thread of its own
 * such as a job's clean-up) is not bounded by a caller and keeps its own timeout.
 *
 * <p>Thread-confined: the mark is the current thread's, for the duration of {@link #bounding}.
 */
public final class CallerTimeLimit {

    private static final ThreadLocal<Boolean> BOUNDED = new ThreadLocal<>();

    private CallerTimeLimit() {
    }

    /**
     * Runs {@code call} marked as bounded by the calling code, which promises to interrupt this thread when the
     * call's time is up.
     */
    public static <T> T bounding(Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        Boolean outer = BOUNDED.get();
        BOUNDED.set(Boolean.TRUE);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                BOUNDED.remove();
            } else {
                BOUNDED.set(outer);
            }
        }
    }

    /** Whether the current thread runs inside {@link #bounding}: its caller will interrupt it when time is up. */
    public static boolean bounded() {
        return BOUNDED.get() == Boolean.TRUE;
    }
}
