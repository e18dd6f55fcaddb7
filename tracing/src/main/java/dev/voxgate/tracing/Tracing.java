package dev.voxgate.tracing;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.router.RoutingListener;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;

/**
 * OpenTelemetry traces of what the proxy serves, configured as any OpenTelemetry SDK is, by the standard
 * {@code OTEL_*} variables, and off when none of them is set: a server span per request ({@link #serverSpan}), a client
 * span per vendor attempt ({@link #routingListener}), and the attempt's {@code traceparent} on the vendor call
 * ({@link #vendorInterceptor}). {@link #close} sends what is still buffered.
 *
 * <p>Thread-safe. Off, every part does nothing: no span is made, no header added, nothing sent.
 */
public final class Tracing implements AutoCloseable {

    private static final String INSTRUMENTATION = "dev.voxgate";
    private static final String VERSION = "0.1.0";
    // Past this, close gives up on a collector that does not answer: the proxy must still stop.
    private static final long FLUSH_SECONDS = 10;

    private final Optional<OpenTelemetrySdk> sdk;
    private final Optional<Tracer> tracer;
    private final RoutingListener listener;
    private final Interceptor interceptor;

    private Tracing(Optional<OpenTelemetrySdk> sdk) {
        this.sdk = sdk;
        this.tracer = sdk.map(otel -> otel.getTracer(INSTRUMENTATION, VERSION));
        this.listener = tracer.<RoutingListener>map(AttemptSpans::new).orElseGet(() -> new RoutingListener() { });
        this.interceptor = sdk.isPresent() ? new VendorTraceparent() : chain -> chain.proceed(chain.request());
    }

    /**
     * Tracing as {@code environment}'s {@code OTEL_*} variables configure it (the SDK's autoconfigure module reads
     * them, and the process's system properties); off unless {@code OTEL_EXPORTER_OTLP_ENDPOINT},
     * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, {@code OTEL_TRACES_EXPORTER} or {@code OTEL_SERVICE_NAME} is set, and
     * off when {@code OTEL_SDK_DISABLED=true} or {@code OTEL_TRACES_EXPORTER=none}.
     *
     * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException when a variable's value is not one the
     *                                                                        SDK knows
     */
    public static Tracing fromEnvironment(EnvironmentSource environment) {
        Objects.requireNonNull(environment, "environment");
        if (!TracingEnvironment.wanted(environment)) {
            return off();
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(TracingEnvironment::defaults)
                .addPropertiesCustomizer(read -> TracingEnvironment.overrides(environment))
                // The proxy flushes on close, after its drain: the SDK's own hook would race the requests in flight.
                .disableShutdownHook()
                .build().getOpenTelemetrySdk();
        return new Tracing(Optional.of(sdk));
    }

    /** Tracing over an SDK built by the caller, which {@link #close} shuts down. */
    public static Tracing of(OpenTelemetrySdk sdk) {
        return new Tracing(Optional.of(Objects.requireNonNull(sdk, "sdk")));
    }

    /** No tracing at all. */
    public static Tracing off() {
        return new Tracing(Optional.empty());
    }

    /** Whether spans are made and exported. */
    public boolean enabled() {
        return sdk.isPresent();
    }

    /**
     * Starts the span of {@code request}, current on this thread until its {@link ServerSpan#end}, which must be
     * called on this thread.
     */
    public ServerSpan serverSpan(IncomingRequest request) {
        Objects.requireNonNull(request, "request");
        return tracer.map(spans -> ServerSpan.start(spans, request)).orElse(ServerSpan.NONE);
    }

    /** The router's listener that makes the attempts' spans and carries them onto the attempts' threads. */
    public RoutingListener routingListener() {
        return listener;
    }

    /** The interceptor of the shared HTTP client that sends the attempt's {@code traceparent} to the vendor. */
    public Interceptor vendorInterceptor() {
        return interceptor;
    }

    /** Exports the spans still buffered and shuts the SDK down, waiting {@value #FLUSH_SECONDS} s at most. */
    @Override
    public void close() {
        sdk.ifPresent(otel -> otel.shutdown().join(FLUSH_SECONDS, TimeUnit.SECONDS));
    }
}
