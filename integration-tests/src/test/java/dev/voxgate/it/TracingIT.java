package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.it.OtlpReceiver.ExportedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces end to end: the proxy configured by OTEL_* variables exports its spans over OTLP/HTTP to a loopback
 * receiver, and the vendor fake sees the attempt's {@code traceparent} in the caller's trace.
 */
class TracingIT {

    private static final String KEY = "sk-openai-tracing-test";
    private static final String MASTER_KEY = "sk-master-tracing-test";
    private static final String TRANSCRIPT = "four score and seven years ago";
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String SERVER_ERROR = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}";

    @TempDir
    Path dir;

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("tracing.yaml"), """
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                router_settings:
                  num_retries: 1
                  retry_after: 0
                general_settings:
                  master_key: %s
                """.formatted(MASTER_KEY));
    }

    private static Map<String, String> environment(FakeSpeechVendor vendor, Map<String, String> otel) {
        Map<String, String> environment = new HashMap<>(otel);
        environment.putAll(Map.of("OPENAI_API_KEY", KEY, "OPENAI_API_BASE", vendor.baseUrl()));
        return environment;
    }

    private static ProxyClients.Answer transcribe(RunningProxy proxy, Map<String, String> headers) {
        return ProxyClients.postTranscription(proxy, "/v1/audio/transcriptions", "Bearer " + MASTER_KEY,
                Examples.audio(), ProxyClients.fields("model", "whisper"), headers);
    }

    @Test
    void aRetriedRequestsSpansReachTheCollectorInTheCallersTraceAndEachAttemptIsTheVendorsParent() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver();
             FakeSpeechVendor vendor = FakeSpeechVendor.openAi(KEY, TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config(), environment(vendor, Map.of(
                     "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(), "OTEL_SERVICE_NAME", "voxgate-it",
                     "OTEL_BSP_SCHEDULE_DELAY", "50")))) {
            vendor.failTimes(1, 503, SERVER_ERROR);

            ProxyClients.Answer answer = transcribe(proxy, Map.of("traceparent",
                    "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            // Exported on the SDK's 50 ms schedule, while the proxy runs.
            List<ExportedSpan> spans = collector.awaitSpans(received -> received.size() >= 3, Duration.ofSeconds(20));
            ExportedSpan server = only(spans, SpanKind.SPAN_KIND_SERVER);
            List<ExportedSpan> attempts = spans.stream().filter(span -> span.kind() == SpanKind.SPAN_KIND_CLIENT)
                    .toList();

            assertThat(server.service()).isEqualTo("voxgate-it");
            assertThat(server.name()).isEqualTo("POST /v1/audio/transcriptions");
            assertThat(server.traceId()).isEqualTo(CALLER_TRACE);
            assertThat(server.parentSpanId()).isEqualTo(CALLER_SPAN);
            assertThat(server.attributes()).containsEntry("http.request.method", "POST")
                    .containsEntry("http.route", "/v1/audio/transcriptions")
                    .containsEntry("url.path", "/v1/audio/transcriptions")
                    .containsEntry("http.response.status_code", 200L)
                    .containsEntry("voxgate.model_group", "whisper")
                    .containsEntry("voxgate.retries", 1L)
                    .containsEntry("voxgate.outcome", "success")
                    .containsEntry("voxgate.request.id", answer.header("x-request-id"));

            assertThat(attempts).hasSize(2).allSatisfy(attempt -> {
                assertThat(attempt.traceId()).isEqualTo(CALLER_TRACE);
                assertThat(attempt.parentSpanId()).isEqualTo(server.spanId());
                assertThat(attempt.name()).isEqualTo("transcription whisper-1");
                assertThat(attempt.attributes()).containsEntry("gen_ai.operation.name", "transcription")
                        .containsEntry("gen_ai.provider.name", "openai")
                        .containsEntry("gen_ai.request.model", "whisper-1")
                        .containsEntry("voxgate.model_group", "whisper")
                        .containsEntry("voxgate.deployment.id", answer.header("x-voxgate-deployment-id"));
            });
            ExportedSpan failed = attempts.stream().filter(ExportedSpan::failed).findFirst().orElseThrow();
            ExportedSpan answered = attempts.stream().filter(span -> !span.failed()).findFirst().orElseThrow();
            assertThat(failed.attributes()).containsEntry("voxgate.outcome", "server_error");
            double cost = Double.parseDouble(answer.header("x-voxgate-response-cost"));
            assertThat(cost).isPositive();
            assertThat(answered.attributes()).containsEntry("voxgate.outcome", "success")
                    .containsKey("voxgate.audio_seconds").containsEntry("voxgate.cost_usd", cost);
            assertThat(failed.attributes()).containsEntry("voxgate.cost_usd", 0.0);
            assertThat(server.attributes()).containsEntry("voxgate.cost_usd", cost)
                    .containsEntry("voxgate.audio_seconds", answered.attribute("voxgate.audio_seconds"));

            List<FakeSpeechVendor.SeenRequest> calls = vendor.seen();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).headers().get("traceparent"))
                    .isEqualTo("00-" + CALLER_TRACE + "-" + failed.spanId() + "-01");
            assertThat(calls.get(1).headers().get("traceparent"))
                    .isEqualTo("00-" + CALLER_TRACE + "-" + answered.spanId() + "-01");

            String everything = spans.toString();
            assertThat(everything).doesNotContain(KEY).doesNotContain(MASTER_KEY).doesNotContain(TRANSCRIPT)
                    .doesNotContain("Bearer");
        }
    }

    @Test
    void spansOfRequestsStillBufferedAreSentWhenTheProxyCloses() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver();
             FakeSpeechVendor vendor = FakeSpeechVendor.openAi(KEY, TRANSCRIPT)) {
            RunningProxy proxy = RunningProxy.start(config(), environment(vendor, Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(), "OTEL_BSP_SCHEDULE_DELAY", "600000")));
            ProxyClients.Answer answer = transcribe(proxy, Map.of());
            ProxyClients.Answer refused = ProxyClients.postTranscription(proxy, "/v1/audio/transcriptions",
                    "Bearer sk-wrong", Examples.audio(), ProxyClients.fields("model", "whisper"), Map.of());
            int exportsBeforeClose = collector.exports();

            proxy.close();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(exportsBeforeClose).as("nothing sent within the 10 min schedule").isZero();
            List<ExportedSpan> spans = collector.spans();
            assertThat(spans).extracting(ExportedSpan::kind).containsExactlyInAnyOrder(SpanKind.SPAN_KIND_SERVER,
                    SpanKind.SPAN_KIND_CLIENT, SpanKind.SPAN_KIND_SERVER);
            ExportedSpan answered = spans.stream().filter(span -> span.kind() == SpanKind.SPAN_KIND_SERVER
                    && span.attribute("http.response.status_code").equals(200L)).findFirst().orElseThrow();
            assertThat(answered.service()).isEqualTo("voxgate");
            assertThat(answered.parentSpanId()).as("a trace of its own").isEmpty();
            // Refused before any route matched: named by its method alone, and no failure of the server's.
            assertThat(spans).filteredOn(span -> span.kind() == SpanKind.SPAN_KIND_SERVER && !span.equals(answered))
                    .singleElement().satisfies(span -> {
                        assertThat(span.attribute("http.response.status_code")).isEqualTo(401L);
                        assertThat(span.failed()).isFalse();
                    });
        }
    }

    @Test
    void withoutOtelVariablesNoTraceparentReachesTheVendorNotEvenTheCallers() throws Exception {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi(KEY, TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config(), environment(vendor, Map.of()))) {

            ProxyClients.Answer answer = transcribe(proxy, Map.of("traceparent",
                    "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(vendor.seen()).singleElement()
                    .satisfies(call -> assertThat(call.headers()).doesNotContainKeys("traceparent", "tracestate"));
        }
    }

    @Test
    void aDisabledSdkExportsNothingThoughAnEndpointIsSet() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver();
             FakeSpeechVendor vendor = FakeSpeechVendor.openAi(KEY, TRANSCRIPT)) {
            RunningProxy proxy = RunningProxy.start(config(), environment(vendor, Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(), "OTEL_SDK_DISABLED", "true")));
            ProxyClients.Answer answer = transcribe(proxy, Map.of("traceparent",
                    "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01"));

            proxy.close();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(collector.exports()).isZero();
            assertThat(vendor.seen().getFirst().headers()).doesNotContainKey("traceparent");
        }
    }

    private static ExportedSpan only(List<ExportedSpan> spans, SpanKind kind) {
        return spans.stream().filter(span -> span.kind() == kind).reduce((first, second) -> {
            throw new AssertionError("more than one " + kind + " span: " + spans);
        }).orElseThrow(() -> new AssertionError("no " + kind + " span among " + spans));
    }
}
