package dev.voxgate.providers;

import dev.voxgate.providers.http.JobRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A job runtime on a clock that only moves when the job sleeps, so that no test waits in real time: each sleep is
 * recorded and moves the clock on by its length; clean-up is waited for, so that a test sees the vendor's copies
 * deleted when the call returns.
 */
public final class ManualJobRuntime {

    private volatile Instant now = Instant.parse("2026-12-07T12:00:00Z");
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile boolean interruptNextSleep;

    /** The runtime to give a factory. */
    public JobRuntime runtime() {
        InstantSource clock = () -> now;
        return new JobRuntime(clock, duration -> {
            if (interruptNextSleep) {
                interruptNextSleep = false;
                throw new InterruptedException("the attempt's alarm rang");
            }
            sleeps.add(duration);
            now = now.plus(duration);
        }, ManualJobRuntime::onFreshThreadAndWait);
    }

    // As in production the clean-up runs on a thread of its own, which an interrupted attempt's flag cannot reach;
    // the caller waits for it, so that a test sees its deletions, and keeps its own interrupt for the caller to see.
    private static void onFreshThreadAndWait(Runnable task) {
        Thread cleanUp = Thread.ofVirtual().start(task);
        boolean interrupted = Thread.interrupted();
        while (cleanUp.isAlive()) {
            try {
                cleanUp.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The waits between polls, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The next wait is interrupted, as the router's attempt timeout interrupts the attempt's thread. */
    public void interruptNextSleep() {
        interruptNextSleep = true;
    }
}
