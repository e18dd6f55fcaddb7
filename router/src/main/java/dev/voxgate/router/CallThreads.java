package dev.voxgate.router;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs whole routed calls on virtual threads, for the asynchronous entry points. The future completes with the
 * call's own exception, unwrapped, and cancelling it interrupts the call, which ends its wait and its running
 * attempt.
 *
 * <p>Thread-safe.
 */
final class CallThreads {

    private final ThreadFactory threads = Thread.ofVirtual().name("voxgate-call-", 0).factory();
    private final UnaryOperator<Runnable> handoff;

    /** {@code handoff} wraps each call handed to a call thread, on the caller's thread. */
    CallThreads(UnaryOperator<Runnable> handoff) {
        this.handoff = handoff;
    }

    <T> CompletableFuture<T> supply(Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = threads.newThread(handoff.apply(() -> {
            try {
                result.complete(call.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }));
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                worker.interrupt();
            }
        });
        worker.start();
        return result;
    }
}
