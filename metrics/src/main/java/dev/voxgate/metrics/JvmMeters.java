package dev.voxgate.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.List;

/**
 * Micrometer's own meters of the JVM the gateway runs in: memory ({@code jvm_memory_*}, {@code jvm_buffer_*}),
 * garbage collection ({@code jvm_gc_*}), threads ({@code jvm_threads_*}), class loading ({@code jvm_classes_*}),
 * CPU ({@code system_cpu_*}, {@code process_cpu_*}) and uptime ({@code process_uptime_seconds}).
 *
 * <p>Thread-safe. {@link #close()} stops listening to the JVM's collection notifications.
 */
public final class JvmMeters implements MeterBinder, AutoCloseable {

    private final JvmGcMetrics garbageCollection = new JvmGcMetrics();

    @Override
    public void bindTo(MeterRegistry registry) {
        List<MeterBinder> binders = List.of(new JvmMemoryMetrics(), garbageCollection, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics());
        binders.forEach(binder -> binder.bindTo(registry));
    }

    @Override
    public void close() {
        garbageCollection.close();
    }
}
