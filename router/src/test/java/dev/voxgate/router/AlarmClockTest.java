package dev.voxgate.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AlarmClockTest {

    private final AlarmClock clock = new AlarmClock();

    @Test
    void anAlarmInterruptsItsThreadOnceItsLimitHasPassedAndNotBefore() {
        long start = System.nanoTime();
        AlarmClock.Alarm alarm = clock.set(Thread.currentThread(), Duration.ofMillis(60));

        long waited = sleepUntilInterrupted(Duration.ofSeconds(5));

        assertThat(waited).as("interrupted after the limit, within a few ticks of it")
                .isBetween(TimeUnit.MILLISECONDS.toNanos(60), TimeUnit.MILLISECONDS.toNanos(1_000));
        assertThat(alarm.stop()).as("stop says it rang").isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(60));
    }

    @Test
    void anAlarmThatRangWhileItsThreadWasBusyLeavesAnInterruptThatStopClears() {
        AlarmClock.Alarm alarm = clock.set(Thread.currentThread(), Duration.ofMillis(20));
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5_000);
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }

        assertThat(Thread.currentThread().isInterrupted()).as("the alarm rang").isTrue();
        assertThat(alarm.stop()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).as("stop cleared the interrupt it sent").isFalse();
    }

    @Test
    void aStoppedAlarmNeverRings() throws Exception {
        AlarmClock.Alarm alarm = clock.set(Thread.currentThread(), Duration.ofMillis(30));

        assertThat(alarm.stop()).isFalse();
        Thread.sleep(150);

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aClockThatWentToSleepWakesForTheNextAlarm() throws Exception {
        AlarmClock.Alarm first = clock.set(Thread.currentThread(), Duration.ofMillis(10));
        first.stop();
        Thread.sleep(1_500); // more than the second the clock ticks on with nothing armed

        clock.set(Thread.currentThread(), Duration.ofMillis(40));
        long waited = sleepUntilInterrupted(Duration.ofSeconds(5));

        assertThat(waited).isBetween(TimeUnit.MILLISECONDS.toNanos(40), TimeUnit.MILLISECONDS.toNanos(1_000));
    }

    @Test
    void eachOfManyAlarmsRingsItsOwnThreadOnly() throws Exception {
        int threads = 50;
        boolean[] interrupted = new boolean[threads];
        Thread[] sleepers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int index = i;
            sleepers[i] = Thread.ofVirtual().start(() -> {
                // Even sleepers are stopped before their limit; odd ones ring.
                Duration limit = Duration.ofMillis(index % 2 == 0 ? 2_000 : 50);
                AlarmClock.Alarm alarm = clock.set(Thread.currentThread(), limit);
                long waited = sleepUntilInterrupted(Duration.ofMillis(400));
                interrupted[index] = waited < TimeUnit.MILLISECONDS.toNanos(400);
                alarm.stop();
            });
        }
        for (Thread sleeper : sleepers) {
            sleeper.join();
        }

        for (int i = 0; i < threads; i++) {
            assertThat(interrupted[i]).as("sleeper %d", i).isEqualTo(i % 2 == 1);
        }
    }

    // Nanoseconds slept until an interrupt, or the whole of at most.
    private static long sleepUntilInterrupted(Duration atMost) {
        long start = System.nanoTime();
        try {
            Thread.sleep(atMost);
        } catch (InterruptedException e) {
            return System.nanoTime() - start;
        }
        return System.nanoTime() - start;
    }
}
