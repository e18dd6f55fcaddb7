package dev.voxgate.tracing;

import dev.voxgate.core.EnvironmentSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which of the OpenTelemetry SDK's standard {@code OTEL_*} variables Voxgate reads, and what it makes of them: whether
 * tracing is on at all, and the properties handed to the SDK's autoconfigure module. They come from the proxy's
 * {@link EnvironmentSource} (the process environment with the config's {@code environment_variables} on top), which
 * the module cannot read by itself: it reads the process environment, so these are laid over what it finds there.
 */
final class TracingEnvironment {

    /** Tracing is on when any of these is set (and the SDK is not disabled, nor its exporter {@code none}). */
    static final List<String> SWITCHES = List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
            "OTEL_TRACES_EXPORTER", "OTEL_SERVICE_NAME");

    // Every variable of the autoconfigure module that bears on traces; the metric and log ones do not apply, as
    // Voxgate exports neither through OpenTelemetry.
    private static final List<String> READ = List.of("OTEL_SDK_DISABLED", "OTEL_SERVICE_NAME",
            "OTEL_RESOURCE_ATTRIBUTES", "OTEL_TRACES_EXPORTER", "OTEL_TRACES_SAMPLER",
            "OTEL_TRACES_SAMPLER_ARG", "OTEL_BSP_SCHEDULE_DELAY", "OTEL_BSP_MAX_QUEUE_SIZE",
            "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "OTEL_BSP_EXPORT_TIMEOUT", "OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT",
            "OTEL_ATTRIBUTE_COUNT_LIMIT", "OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT", "OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT",
            "OTEL_SPAN_EVENT_COUNT_LIMIT", "OTEL_SPAN_LINK_COUNT_LIMIT", "OTEL_EXPORTER_OTLP_ENDPOINT",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
            "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_TIMEOUT",
            "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_COMPRESSION",
            "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_CERTIFICATE",
            "OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE", "OTEL_EXPORTER_OTLP_CLIENT_KEY",
            "OTEL_EXPORTER_OTLP_TRACES_CLIENT_KEY", "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE",
            "OTEL_EXPORTER_OTLP_TRACES_CLIENT_CERTIFICATE");

    private TracingEnvironment() {
    }

    /** Whether {@code environment} asks for traces. */
    static boolean wanted(EnvironmentSource environment) {
        boolean disabled = environment.get("OTEL_SDK_DISABLED").filter("true"::equalsIgnoreCase).isPresent();
        boolean noExporter = environment.get("OTEL_TRACES_EXPORTER").filter("none"::equalsIgnoreCase).isPresent();
        return !disabled && !noExporter && SWITCHES.stream().anyMatch(name -> environment.get(name).isPresent());
    }

    /**
     * What Voxgate's defaults differ from the SDK's in, overridden by any variable or system property: OTLP over
     * HTTP with protobuf (the SDK's own default is gRPC, which most collectors also take on 4317, but HTTP needs no
     * extra port open), and a service named {@code voxgate}.
     */
    static Map<String, String> defaults() {
        return Map.of("otel.exporter.otlp.protocol", "http/protobuf", "otel.service.name", "voxgate");
    }

    /** The variables of {@code environment} as the SDK's properties, laid over what it read itself. */
    static Map<String, String> overrides(EnvironmentSource environment) {
        Map<String, String> properties = new HashMap<>();
        for (String name : READ) {
            environment.get(name).ifPresent(value -> properties.put(property(name), value));
        }
        // Only traces are exported through OpenTelemetry: metrics are Prometheus's, logs are the proxy's own. Only W3C
        // trace context crosses the proxy, whatever OTEL_PROPAGATORS says (see ServerSpan).
        properties.put("otel.metrics.exporter", "none");
        properties.put("otel.logs.exporter", "none");
        properties.put("otel.propagators", "tracecontext");
        return properties;
    }

    /** {@code OTEL_BSP_SCHEDULE_DELAY} as the SDK's property {@code otel.bsp.schedule.delay}. */
    static String property(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
