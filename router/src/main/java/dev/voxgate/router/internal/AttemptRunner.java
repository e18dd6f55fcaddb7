package dev.voxgate.router.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import dev.failsafe.function.CheckedSupplier;
import dev.failsafe.spi.Scheduler;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Runs one attempt under two Failsafe timeouts, and turns whatever happened into either the result or a
 * {@link TranscriptionException}. A timeout interrupts the thread running the attempt, which ends a provider blocked
 * in socket I/O on a virtual thread (the JDK closes the socket). A virtual caller runs the attempt itself; a platform
 * thread, whose socket reads an interrupt does not end, hands it to a virtual attempt thread. (Either way a port
 * that ignores interrupts holds the call until it returns: Failsafe completes a timed-out attempt only then.)
 *
 * <p>Thread-safe; holds no per-call state.
 */
final class AttemptRunner {

    private final Scheduler attemptThreads;

    AttemptRunner(ExecutorService attemptThreads) {
        this.attemptThreads = Scheduler.of(attemptThreads);
    }

    /**
     * Runs {@code call} under the attempt's limit and the call's deadline: on the caller's own thread when that is a
     * virtual thread, otherwise on an attempt thread.
     */
    <T> T run(Deployment deployment, Duration attemptLimit, Deadline deadline, CheckedSupplier<T> call) {
        Optional<Duration> left = deadline.remaining();
        if (left.isPresent() && !left.get().isPositive()) {
            throw deadline.expired("passed before deployment '" + deployment.id() + "' could be called");
        }
        Timeout<T> attemptTimeout = Timeout.<T>builder(attemptLimit).withInterrupt().build();
        Optional<Timeout<T>> callTimeout = left.map(value -> Timeout.<T>builder(value).withInterrupt().build());
        // The call's deadline goes outside and the attempt's own timeout inside (Failsafe nests policies from the
        // first, outermost, to the last). Whichever expires first interrupts the provider call, and the policy
        // Failsafe reports says which: the attempt timeout is this deployment's failure, retried elsewhere; the
        // deadline is the whole call's, and ends it with no more retries or fallbacks.
        List<Timeout<T>> policies = new ArrayList<>(2);
        callTimeout.ifPresent(policies::add);
        policies.add(attemptTimeout);
        if (Thread.currentThread().isVirtual()) {
            return runHere(policies, call, deployment, attemptLimit, deadline, callTimeout);
        }
        CompletableFuture<T> future = Failsafe.with(policies).with(attemptThreads).getAsync(call);
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw failure(e.getCause(), deployment, attemptLimit, deadline, callTimeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw CallEnded.interrupted();
        }
    }

    // Failsafe's synchronous timeouts interrupt this thread and clear the interrupt again when they expire; an
    // interrupt still set afterwards came from the caller (a cancelled call). Measured with bench/run.sh at 2,000
    // clients: 5-7% more throughput than handing every attempt to a thread of its own (one virtual thread, and its
    // stack, less per request in flight for the collector to copy).
    private static <T> T runHere(List<Timeout<T>> policies, CheckedSupplier<T> call, Deployment deployment,
                                 Duration attemptLimit, Deadline deadline, Optional<Timeout<T>> callTimeout) {
        try {
            return Failsafe.with(policies).get(call);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw CallEnded.interrupted();
            }
            throw failure(e, deployment, attemptLimit, deadline, callTimeout);
        }
    }

    private static RuntimeException failure(Throwable thrown, Deployment deployment, Duration attemptLimit,
                                            Deadline deadline, Optional<? extends Timeout<?>> callTimeout) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof TimeoutExceededException timeout) {
            if (callTimeout.isPresent() && timeout.getTimeout() == callTimeout.get()) {
                return deadline.expired("passed while deployment '" + deployment.id() + "' was answering");
            }
            return new TranscriptionException(new UpstreamTimeout("Deployment '" + deployment.id() + "' ("
                    + deployment.qualifiedModel() + ") did not answer within " + attemptLimit.toMillis() + " ms"),
                    timeout);
        }
        if (cause instanceof TranscriptionException failure) {
            return failure;
        }
        if (cause instanceof CallEnded ended) {
            return ended;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        // A port broke its contract (it should only throw TranscriptionException). Another deployment may work,
        // so it counts as the deployment being unavailable; only the type is named, as the message may hold data.
        return new TranscriptionException(new UpstreamUnavailable("Deployment '" + deployment.id()
                + "' failed unexpectedly with " + cause.getClass().getName(), OptionalInt.empty()), cause);
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && (cause instanceof CompletionException || cause instanceof ExecutionException
                || (cause instanceof FailsafeException && !(cause instanceof TimeoutExceededException)))) {
            cause = cause.getCause();
        }
        return cause;
    }
}
