package dev.voxgate.router;

import dev.voxgate.core.CallerTimeLimit;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs one attempt under its time limit, and turns whatever happened into either the result or a
 * {@link TranscriptionException}. The limit is whichever comes first: the attempt's own timeout (this deployment's
 * failure, retried elsewhere) or what is left of the call's deadline (the whole call's, ending it with no more
 * retries or fallbacks); one alarm of an {@link AlarmClock} per attempt interrupts the thread running it when the
 * limit passes, which ends a provider blocked in socket I/O on a virtual thread (the JDK closes the socket). A virtual
 * caller runs the attempt itself; a platform thread, whose socket reads an interrupt does not end, hands it to a
 * virtual attempt thread. (Either way a port that ignores interrupts holds the call until it returns; then it counts
 * as timed out.) The attempt runs marked {@link CallerTimeLimit#bounding bounded}, so adapters skip timers of their
 * own.
 *
 * <p>Thread-safe; holds no per-call state.
 */
final class AttemptRunner {

    // One clock for every router: its thread only rings alarms, each a few microseconds of work. Not named
    // voxgate-attempt-*, as it is no attempt: what an attempt leaves running is counted by that name.
    private static final AlarmClock CLOCK = new AlarmClock();

    // Attempts of platform-thread callers run here, so that a timeout's interrupt ends their socket I/O.
    private final ExecutorService attemptThreads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("voxgate-attempt-", 0).factory());
    private final UnaryOperator<Runnable> handoff;

    /** {@code handoff} wraps each attempt handed to an attempt thread, on the caller's thread. */
    AttemptRunner(UnaryOperator<Runnable> handoff) {
        this.handoff = handoff;
    }

    /**
     * Runs {@code call} under the attempt's limit and the call's deadline: on the caller's own thread when that is a
     * virtual thread, otherwise on an attempt thread.
     */
    Transcription run(Deployment deployment, Duration attemptLimit, Deadline deadline, Supplier<Transcription> call) {
        Optional<Duration> left = deadline.remaining();
        if (left.isPresent() && !left.get().isPositive()) {
            throw deadline.expired("passed before deployment '" + deployment.id() + "' could be called");
        }
        boolean deadlineFirst = left.isPresent() && left.get().compareTo(attemptLimit) <= 0;
        Supplier<RuntimeException> timedOut = deadlineFirst
                ? () -> deadline.expired("passed while deployment '" + deployment.id() + "' was answering")
                : () -> new TranscriptionException(new UpstreamTimeout("Deployment '" + deployment.id() + "' ("
                        + deployment.qualifiedModel() + ") did not answer within " + attemptLimit.toMillis() + " ms"));
        Duration limit = deadlineFirst ? left.get() : attemptLimit;
        if (Thread.currentThread().isVirtual()) {
            // Measured with bench/run.sh at 2,000 clients: 5-7% more throughput than handing every attempt to a
            // thread of its own (one virtual thread, and its stack, less per request in flight).
            return timed(deployment, limit, timedOut, call);
        }
        return onAttemptThread(() -> timed(deployment, limit, timedOut, call));
    }

    private Transcription onAttemptThread(Callable<Transcription> attempt) {
        FutureTask<Transcription> future = new FutureTask<>(attempt);
        attemptThreads.execute(handoff.apply(future));
        try {
            return future.get();
        } catch (ExecutionException e) {
            // timed throws nothing checked: what it threw is an unchecked exception or an error.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw CallEnded.interrupted();
        }
    }

    private static Transcription timed(Deployment deployment, Duration limit, Supplier<RuntimeException> timedOut,
                                       Supplier<Transcription> call) {
        AlarmClock.Alarm alarm = CLOCK.set(Thread.currentThread(), limit);
        Transcription value;
        try {
            value = CallerTimeLimit.bounding(call);
        } catch (RuntimeException e) {
            throw failure(e, alarm.stop(), timedOut, deployment);
        } catch (Error e) {
            alarm.stop();
            throw e;
        }
        if (alarm.stop()) {
            throw timedOut.get();
        }
        return value;
    }

    private static RuntimeException failure(RuntimeException thrown, boolean rang,
                                            Supplier<RuntimeException> timedOut, Deployment deployment) {
        if (rang) {
            RuntimeException timeout = timedOut.get();
            // A streamed transcript that reached the caller ends the call, even when this deployment ran out of time.
            return thrown instanceof CallEnded && timeout instanceof TranscriptionException failure
                    ? new CallEnded(failure) : timeout;
        }
        // The alarm did not ring, so an interrupt still set came from the caller: a cancelled call.
        if (Thread.currentThread().isInterrupted()) {
            return CallEnded.interrupted();
        }
        if (thrown instanceof TranscriptionException || thrown instanceof CallEnded) {
            return thrown;
        }
        // A port broke its contract (it should only throw TranscriptionException). Another deployment may work,
        // so it counts as the deployment being unavailable; only the type is named, as the message may hold data.
        return new TranscriptionException(new UpstreamUnavailable("Deployment '" + deployment.id()
                + "' failed unexpectedly with " + thrown.getClass().getName(), OptionalInt.empty()), thrown);
    }
}
