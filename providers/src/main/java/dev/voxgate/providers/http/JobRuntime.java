package dev.voxgate.providers.http;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What a job-style vendor call waits with, injected so that tests neither sleep nor race a clean-up thread: the clock
 * that measures how long a job has run, the sleeper that waits between polls, and where the vendor's copies are
 * deleted once the call is over.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clock   measures a job's time against its deployment's {@code timeout}
 * @param sleeper waits between polls
 * @param cleanUp runs the deletion of a call's vendor copies; the default is a virtual thread of its own, as the
 *                calling thread may have been interrupted (a timed-out or cancelled attempt), and a thread whose
 *                interrupt is set could not make the calls that delete them
 */
public record JobRuntime(InstantSource clock, Sleeper sleeper, Executor cleanUp) {

    public JobRuntime {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(cleanUp, "cleanUp");
    }

    /** The system clock, real sleeps, and a virtual thread per clean-up. */
    public static JobRuntime system() {
        return new JobRuntime(InstantSource.system(), Thread::sleep,
                task -> Thread.ofVirtual().name("voxgate-job-cleanup").start(task));
    }

    /** Waits between polls. Implementations are thread-safe. */
    @FunctionalInterface
    public interface Sleeper {
        /** @throws InterruptedException when the waiting thread is interrupted: the attempt is over */
        void sleep(Duration duration) throws InterruptedException;
    }
}
