package dev.voxgate.router;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every attempt pays for its time limit: an alarm set and stopped before it rings, as one call at a time does
 * it (the alarm of the call before is stopped, so none is armed when the next is set). {@code alarmClock} is the
 * router's {@link AlarmClock}; {@code scheduledExecutor} is what the router used before it, a one-thread
 * {@code ScheduledThreadPoolExecutor} with remove-on-cancel, whose thread is woken for every alarm that becomes the
 * earliest. CPU time of other threads (the executor's woken thread) is not in these figures; per-thread CPU in
 * {@code bench/run.sh} is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AlarmBenchmark {

    private static final Duration LIMIT = Duration.ofSeconds(600);

    private final AlarmClock clock = new AlarmClock();
    private final ScheduledThreadPoolExecutor executor = executor();

    @TearDown
    public void tearDown() {
        executor.shutdownNow();
    }

    @Benchmark
    public boolean alarmClock() {
        return clock.set(Thread.currentThread(), LIMIT).stop();
    }

    @Benchmark
    public boolean scheduledExecutor() {
        Future<?> alarm = executor.schedule(() -> { }, LIMIT.toNanos(), TimeUnit.NANOSECONDS);
        return alarm.cancel(false);
    }

    private static ScheduledThreadPoolExecutor executor() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("bench-timer").factory());
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
