package dev.voxgate.metrics;

import dev.voxgate.core.model.AudioTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request counter by route, group and status, and the request duration by route and group. Callers pass label
 * values from the config and fixed vocabularies only; the meters a request finds are kept, so a request does one map
 * look-up per meter.
 *
 * <p>Thread-safe.
 */
final class RequestMeters {

    static final String REQUESTS = "voxgate.requests";
    static final String DURATION = "voxgate.request.duration";

    private record CounterKey(AudioTask task, String group, int status) {
    }

    private record TimerKey(AudioTask task, String group) {
    }

    private final MeterRegistry registry;
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    /**
     * Registers, for both routes, the duration of every group in {@code groups} and of {@link
     * MeterLabels#UNKNOWN_GROUP}, the count of answered requests of every group, and the count of requests for an
     * unknown model (always 404), so that the common series are there before the first request.
     */
    RequestMeters(MeterRegistry registry, Collection<String> groups) {
        this.registry = registry;
        for (AudioTask task : AudioTask.values()) {
            groups.forEach(group -> {
                counter(task, group, 200);
                timer(task, group);
            });
            counter(task, MeterLabels.UNKNOWN_GROUP, 404);
            timer(task, MeterLabels.UNKNOWN_GROUP);
        }
    }

    void record(AudioTask task, String group, int status, Duration duration) {
        counter(task, group, status).increment();
        timer(task, group).record(duration);
    }

    private Counter counter(AudioTask task, String group, int status) {
        return counters.computeIfAbsent(new CounterKey(task, group, status), key -> Counter.builder(REQUESTS)
                .tag(MeterLabels.ROUTE, task.route()).tag(MeterLabels.MODEL_GROUP, group)
                .tag(MeterLabels.STATUS, Integer.toString(status))
                .description("Routed requests, by the HTTP status the caller was answered with").register(registry));
    }

    private Timer timer(AudioTask task, String group) {
        return timers.computeIfAbsent(new TimerKey(task, group), key -> Timer.builder(DURATION)
                .tag(MeterLabels.ROUTE, task.route()).tag(MeterLabels.MODEL_GROUP, group)
                .description("How long routed requests took, retries and fallbacks included")
                .serviceLevelObjectives(MeterLabels.TIME_BUCKETS).register(registry));
    }
}
