package dev.voxgate.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.CallOptions;
import dev.voxgate.router.RetryBackoff;
import dev.voxgate.router.Router;
import dev.voxgate.router.RouterSettings;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spans of a routed call, made by a real router on this test's platform thread (so that its attempts run on
 * threads of their own, where only the handoff brings the trace), whose deployment calls a loopback vendor through
 * the tracing interceptor; exported to memory.
 */
class TracingTest {

    private static final String CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final MockWebServer vendor = new MockWebServer();
    private final Deployment deployment = Deployment.builder("whisper-east", "whisper", "openai", "whisper-1").build();

    @BeforeEach
    void startVendor() throws IOException {
        vendor.start();
    }

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    private Tracing inMemory() {
        return Tracing.of(OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()).build());
    }

    /** A port that calls the vendor over {@code tracing}'s interceptor; the first {@code failures} calls fail. */
    private TranscriptionPort port(Tracing tracing, int failures) {
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(tracing.vendorInterceptor()).build();
        AtomicInteger calls = new AtomicInteger();
        return request -> {
            vendor.enqueue(new MockResponse.Builder().body("ok").build());
            try (Response response = http.newCall(new Request.Builder().url(vendor.url("/v1/audio/transcriptions"))
                    .build()).execute()) {
                response.body().string();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (calls.incrementAndGet() <= failures) {
                throw new TranscriptionException(new UpstreamUnavailable("503 from vendor", OptionalInt.of(503)));
            }
            return new Transcription("hello", Optional.empty(), Optional.of(3.0), List.of(), List.of(),
                    Optional.empty(), Optional.empty());
        };
    }

    private Router router(Tracing tracing, int failures) {
        return Router.builder().deployment(deployment, port(tracing, failures)).listener(tracing.routingListener())
                .settings(RouterSettings.builder().numRetries(1).disableCooldowns(true).build())
                .backoff(RetryBackoff.none()).build();
    }

    private static IncomingRequest post(Map<String, String> headers) {
        return new IncomingRequest("POST", "/v1/audio/transcriptions", "http", "127.0.0.1", 4000, "127.0.0.9",
                Optional.of("OpenAI/Java"), headers::get);
    }

    private static TranscriptionRequest request() {
        return TranscriptionRequest.builder("whisper", AudioInput.of("hello.wav", new byte[] {1, 2, 3})).build();
    }

    @Test
    void aRequestsServerSpanContinuesTheCallersTraceAndEachAttemptIsItsChildAndTheVendorsParent() throws Exception {
        try (Tracing tracing = inMemory()) {
            Router router = router(tracing, 1);

            ServerSpan server = tracing.serverSpan(post(Map.of("traceparent",
                    "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")));
            router.route(request(), CallOptions.defaults());
            server.end(200, Optional.of("/v1/audio/transcriptions"), Optional.of("req_1"));

            List<SpanData> spans = exported.getFinishedSpanItems();
            SpanData request = spans.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst()
                    .orElseThrow();
            List<SpanData> attempts = spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
            assertThat(request.getName()).isEqualTo("POST /v1/audio/transcriptions");
            assertThat(request.getTraceId()).isEqualTo(CALLER_TRACE);
            assertThat(request.getParentSpanId()).isEqualTo(CALLER_SPAN);
            assertThat(attr(request, "http.response.status_code")).isEqualTo(200L);
            assertThat(attr(request, "http.route")).isEqualTo("/v1/audio/transcriptions");
            assertThat(attr(request, "voxgate.model_group")).isEqualTo("whisper");
            assertThat(attr(request, "voxgate.deployment.id")).isEqualTo("whisper-east");
            assertThat(attr(request, "voxgate.retries")).isEqualTo(1L);
            assertThat(attr(request, "voxgate.outcome")).isEqualTo("success");

            assertThat(attempts).hasSize(2).allSatisfy(attempt -> {
                assertThat(attempt.getName()).isEqualTo("transcription whisper-1");
                assertThat(attempt.getTraceId()).isEqualTo(CALLER_TRACE);
                assertThat(attempt.getParentSpanId()).isEqualTo(request.getSpanId());
                assertThat(attr(attempt, "gen_ai.operation.name")).isEqualTo("transcription");
                assertThat(attr(attempt, "gen_ai.provider.name")).isEqualTo("openai");
                assertThat(attr(attempt, "gen_ai.request.model")).isEqualTo("whisper-1");
                assertThat(attr(attempt, "voxgate.deployment.id")).isEqualTo("whisper-east");
            });
            assertThat(attr(attempts.get(0), "voxgate.outcome")).isEqualTo("server_error");
            assertThat(attempts.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(attr(attempts.get(1), "voxgate.outcome")).isEqualTo("success");
            assertThat(attr(attempts.get(1), "voxgate.audio_seconds")).isEqualTo(3.0);
            // whisper-1 at the built-in table's $0.006 a minute; the failed attempt was not billed.
            assertThat(attr(attempts.get(1), "voxgate.cost_usd")).isEqualTo(0.0003);
            assertThat(attr(attempts.get(0), "voxgate.cost_usd")).isEqualTo(0.0);
            assertThat(attr(request, "voxgate.cost_usd")).isEqualTo(0.0003);

            for (SpanData attempt : attempts) {
                RecordedRequest call = vendor.takeRequest();
                assertThat(call.getHeaders().get("traceparent"))
                        .isEqualTo("00-" + CALLER_TRACE + "-" + attempt.getSpanId() + "-01");
            }
        }
    }

    @Test
    void aFailedRequestIsMarkedOnlyWhenTheServerFailed() {
        try (Tracing tracing = inMemory()) {
            tracing.serverSpan(post(Map.of())).end(401, Optional.empty(), Optional.empty());
            tracing.serverSpan(post(Map.of())).end(503, Optional.of("/v1/audio/transcriptions"), Optional.empty());

            List<SpanData> spans = exported.getFinishedSpanItems();
            assertThat(spans.get(0).getName()).isEqualTo("POST");
            assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
            assertThat(spans.get(0).getParentSpanContext().isValid()).as("a new trace").isFalse();
            assertThat(spans.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(attr(spans.get(1), "error.type")).isEqualTo("503");
        }
    }

    @Test
    void offNothingIsMadeAndNoTraceparentReachesTheVendorNotEvenTheCallers() throws Exception {
        Tracing tracing = Tracing.off();
        Router router = router(tracing, 0);

        ServerSpan server = tracing.serverSpan(post(Map.of("traceparent",
                "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")));
        router.route(request(), CallOptions.defaults());
        server.end(200, Optional.empty(), Optional.empty());

        assertThat(tracing.enabled()).isFalse();
        assertThat(vendor.takeRequest().getHeaders().get("traceparent")).isNull();
    }

    @Test
    void theEnvironmentWithoutAnyOtelVariableLeavesTracingOff() {
        assertThat(Tracing.fromEnvironment(name -> Optional.empty()).enabled()).isFalse();
    }

    @Test
    void anExporterTheSdkDoesNotKnowFailsAtStart() {
        assertThatThrownBy(() -> Tracing.fromEnvironment(name -> Optional.ofNullable(
                Map.of("OTEL_TRACES_EXPORTER", "carrier-pigeon").get(name))))
                .hasMessageContaining("carrier-pigeon");
    }

    private static Object attr(SpanData span, String name) {
        return span.getAttributes().asMap().entrySet().stream()
                .filter(entry -> entry.getKey().getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }
}
