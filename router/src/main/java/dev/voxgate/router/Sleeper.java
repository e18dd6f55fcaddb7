package dev.voxgate.router;

import java.time.Duration;

/**
 * How the router waits between retries when no untried deployment is left. Injected so that tests can record the
 * back-off instead of sleeping through it.
 *
 * <p>Implementations are thread-safe; many calls wait at once.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException when the waiting thread is interrupted; the router then ends the call
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Really waits, with {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
        return Thread::sleep;
    }
}
