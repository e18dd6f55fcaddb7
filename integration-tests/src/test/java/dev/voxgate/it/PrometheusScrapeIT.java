package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.voxgate.it.PrometheusServer.Sample;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server scrapes the proxy's {@code /metrics} (in OpenMetrics, which it asks for) and its query API
 * gives back the requests and the spend the test's calls produced.
 */
class PrometheusScrapeIT {

    private static final String KEY = "sk-openai-metrics";
    private static final int REQUESTS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void prometheusQueriesReturnTheRequestsAndTheSpendTheCallsProduced(@TempDir Path dir) throws Exception {
        Path config = TestFiles.config(dir, "priced.yaml", """
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                      input_cost_per_second: 0.0001
                    model_info:
                      id: openai-priced
                """);
        Path threeSeconds = TestFiles.tone(dir, "three-seconds.wav", 3);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "four score");
             RunningProxy proxy = RunningProxy.start(config, Map.of("OPENAI_API_KEY", KEY,
                     "OPENAI_API_BASE", openAi.baseUrl()));
             PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:" + proxy.port(), dir)) {
            OpenAIClient client = ProxyClients.openAi(proxy, "no-master-key-configured");
            BigDecimal charged = BigDecimal.ZERO;
            for (int i = 0; i < REQUESTS; i++) {
                charged = charged.add(transcribe(client, threeSeconds));
            }

            assertThat(charged.doubleValue()).isCloseTo(REQUESTS * 3 * 0.0001, within(1e-9));
            assertThat(await(prometheus, "voxgate_requests_total{job=\"voxgate\",route=\"transcriptions\","
                    + "model_group=\"whisper\",status=\"200\"}", REQUESTS)).isEqualTo(REQUESTS);
            assertThat(await(prometheus, "voxgate_spend_usd_total{model_group=\"whisper\","
                    + "deployment=\"openai-priced\"}", charged.doubleValue())).isCloseTo(charged.doubleValue(),
                    within(1e-12));
            assertThat(await(prometheus, "voxgate_deployment_attempts_total{deployment=\"openai-priced\","
                    + "provider=\"openai\",outcome=\"success\"}", REQUESTS)).isEqualTo(REQUESTS);
        }
    }

    // The cost the proxy told the caller it was charged, in US dollars.
    private static BigDecimal transcribe(OpenAIClient client, Path audio) throws Exception {
        TranscriptionCreateParams params = TranscriptionCreateParams.builder().file(audio).model("whisper").build();
        try (HttpResponseFor<TranscriptionCreateResponse> response = client.audio().transcriptions()
                .withRawResponse().create(params)) {
            assertThat(response.statusCode()).isEqualTo(200);
            return new BigDecimal(response.headers().values("x-voxgate-response-cost").getFirst());
        }
    }

    // Prometheus scrapes every second; the query gives the new value once a scrape after the calls has landed.
    private static double await(PrometheusServer prometheus, String promql, double expected) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Sample> samples = List.of();
        while (System.nanoTime() < deadline) {
            samples = prometheus.query(promql);
            if (samples.size() == 1 && Math.abs(samples.getFirst().value() - expected) < 1e-12) {
                return samples.getFirst().value();
            }
            PrometheusServer.pause();
        }
        return fail("%s gave %s, not %s, within %d s; up: %s; Prometheus' log:%n%s", promql, samples, expected,
                PATIENCE.toSeconds(), prometheus.query("up"), prometheus.log());
    }
}
