package dev.voxgate.router;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Rings alarms, each an interrupt of one thread once its time has passed, from one daemon thread of its own
 * ({@value #THREAD_NAME}) that looks at the armed alarms every {@value #TICK_MILLIS} ms while any is armed, or was in
 * the last second, and sleeps otherwise. So an alarm rings up to a tick late, never early.
 *
 * <p>Why not a {@code ScheduledThreadPoolExecutor}: its thread is woken whenever a new task becomes the earliest,
 * which on a proxy serving one call at a time is every call (the call before stopped its alarm, leaving none). That
 * wake-up and the thread's work cost 2.8% of the proxy's CPU at 1 client ({@code bench/run.sh}, per-thread CPU from
 * {@code /proc}, 2026-12-08). Here setting and stopping an alarm touch a concurrent set and wake nobody while the
 * clock ticks; a tick reads every armed alarm, which with 2,000 calls in flight is some microseconds.
 *
 * <p>Thread-safe.
 */
final class AlarmClock {

    static final String THREAD_NAME = "voxgate-timer";
    static final long TICK_MILLIS = 10;

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
    // How long the clock goes on ticking once no alarm is armed, so that a steady trickle of calls never wakes it.
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long LONGEST_NANOS = TimeUnit.DAYS.toNanos(365);

    private final Set<Alarm> armed = ConcurrentHashMap.newKeySet();
    private final Thread ticker;
    private volatile boolean sleeping;

    AlarmClock() {
        ticker = Thread.ofPlatform().daemon().name(THREAD_NAME).start(this::tick);
    }

    /** An alarm that interrupts {@code thread} once {@code limit} has passed, unless stopped first. */
    Alarm set(Thread thread, Duration limit) {
        long nanos = limit.compareTo(Duration.ofNanos(LONGEST_NANOS)) > 0 ? LONGEST_NANOS : limit.toNanos();
        Alarm alarm = new Alarm(this, thread, System.nanoTime() + nanos);
        armed.add(alarm);
        if (sleeping) {
            LockSupport.unpark(ticker);
        }
        return alarm;
    }

    private void tick() {
        long lastArmed = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            for (Alarm alarm : armed) {
                if (now - alarm.deadline >= 0) {
                    alarm.ring();
                    armed.remove(alarm);
                }
            }
            if (!armed.isEmpty()) {
                lastArmed = now;
            } else if (now - lastArmed > IDLE_NANOS) {
                // set() adds its alarm before it reads sleeping; this reads the set after writing it: one of the two
                // sees the other, so an alarm set now either is seen here or unparks the thread.
                sleeping = true;
                if (armed.isEmpty()) {
                    LockSupport.park(this);
                }
                sleeping = false;
                lastArmed = System.nanoTime();
                continue;
            }
            LockSupport.parkNanos(this, TICK_NANOS);
        }
    }

    /**
     * Interrupts one thread when its time passes, unless stopped first. Ringing and stopping take the same lock, so
     * once {@link #stop} returns, no interrupt of this alarm can reach the thread any more.
     */
    static final class Alarm {
        private final AlarmClock clock;
        private final Thread thread;
        private final long deadline;
        private boolean rang;
        private boolean stopped;

        private Alarm(AlarmClock clock, Thread thread, long deadline) {
            this.clock = clock;
            this.thread = thread;
            this.deadline = deadline;
        }

        private synchronized void ring() {
            if (!stopped) {
                rang = true;
                thread.interrupt();
            }
        }

        /**
         * Stops the alarm; whether it rang, in which case the interrupt it sent is cleared when this runs on the
         * thread it watches.
         */
        boolean stop() {
            boolean rung;
            synchronized (this) {
                stopped = true;
                rung = rang;
            }
            clock.armed.remove(this);
            if (rung && Thread.currentThread() == thread) {
                Thread.interrupted();
            }
            return rung;
        }
    }
}
