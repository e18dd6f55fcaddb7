package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} of the proxy: who may read it, in which format, and that callers cannot grow it. */
class MetricsEndpointIT {

    private static final String KEY = "sk-openai-metrics-endpoint";
    private static final String MASTER_KEY = "sk-master-metrics";
    private static final String ONE_GROUP = """
            model_list:
              - model_name: whisper
                litellm_params:
                  model: whisper-1
            """;

    @Test
    void fiveHundredRequestsNamingUnknownModelsLeaveTheSeriesUnchanged(@TempDir Path dir) throws Exception {
        Path audio = TestFiles.tone(dir, "one-second.wav", 1);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "unused");
             RunningProxy proxy = RunningProxy.start(TestFiles.config(dir, "open.yaml", ONE_GROUP),
                     environment(openAi))) {
            Set<String> before = voxgateSeries(scrape(proxy, null).body());

            List<String> models = IntStream.range(0, 500).mapToObj(i -> (i % 5 == 0 ? "openai/" : "")
                    + "no-such-model-" + UUID.randomUUID()).toList();
            // 16 at a time: one after the other, the 500 uploads took 25 s here.
            List<Integer> statuses = inParallel(IntStream.range(0, models.size()).mapToObj(i -> (Callable<Integer>)
                    () -> ProxyClients.postTranscription(proxy, i % 2 == 0 ? "/v1/audio/transcriptions"
                            : "/v1/audio/translations", null, audio, ProxyClients.fields("model", models.get(i)))
                            .status()).toList());
            String after = scrape(proxy, null).body();

            assertThat(statuses).hasSize(500).containsOnly(404);
            assertThat(voxgateSeries(after)).hasSameSizeAs(before).isEqualTo(before);
            assertThat(models).noneMatch(after::contains);
            assertThat(after).contains(
                    "voxgate_requests_total{model_group=\"(unknown)\",route=\"transcriptions\",status=\"404\"} 250.0",
                    "voxgate_requests_total{model_group=\"(unknown)\",route=\"translations\",status=\"404\"} 250.0");
            assertThat(openAi.requestCount()).isZero();
        }
    }

    @Test
    void madeUpHttpMethodsAndPathsAreCountedUnderFixedLabels(@TempDir Path dir) {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "unused");
             RunningProxy proxy = RunningProxy.start(TestFiles.config(dir, "open.yaml", ONE_GROUP),
                     environment(openAi))) {
            Set<String> before = series(scrape(proxy, null).body());

            List<String> methods = IntStream.range(0, 50).mapToObj(i -> "M" + UUID.randomUUID().toString()
                    .replace("-", "").toUpperCase(java.util.Locale.ROOT)).toList();
            for (String method : methods) {
                ProxyClients.call(new Request.Builder().url(proxy.baseUrl() + "/" + method).method(method, null)
                        .build());
            }
            String after = scrape(proxy, null).body();

            assertThat(methods).noneMatch(after::contains);
            assertThat(after).contains(
                    "jetty_server_requests_seconds_count{method=\"OTHER\",outcome=\"CLIENT_ERROR\",status=\"404\"} 50");
            // Every method label is one of a fixed few: the made-up ones share "OTHER".
            Set<String> methodLabels = series(after).stream().filter(name -> name.contains("method=\""))
                    .map(name -> name.replaceAll(".*method=\"([^\"]*)\".*", "$1")).collect(Collectors.toSet());
            assertThat(methodLabels).containsExactlyInAnyOrder("GET", "OTHER");
            assertThat(series(after).stream().filter(name -> name.startsWith("jetty_server_requests_seconds_count")))
                    .hasSize(2);
            assertThat(before).noneMatch(name -> name.contains("OTHER"));
        }
    }

    @Test
    void metricsAreOpenByDefaultEvenWithAMasterKey(@TempDir Path dir) {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "unused");
             RunningProxy proxy = RunningProxy.start(TestFiles.config(dir, "keyed.yaml", ONE_GROUP
                     + "general_settings:\n  master_key: " + MASTER_KEY + "\n"), environment(openAi))) {
            ProxyClients.Answer first = scrape(proxy, null);
            ProxyClients.Answer metrics = scrape(proxy, null);

            assertThat(first.status()).isEqualTo(200);
            assertThat(metrics.status()).isEqualTo(200);
            // Jetty's request timer has seen the first scrape by the time of the second.
            assertThat(metrics.body()).contains("voxgate_deployment_attempts_total{", "jvm_memory_used_bytes{",
                    "jetty_threads_current ", "jetty_connections_current_connections{",
                    "jetty_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\"}");
            assertThat(metrics.body()).doesNotContain(MASTER_KEY, KEY);
        }
    }

    @Test
    void requireAuthForMetricsEndpointAsksForTheMasterKey(@TempDir Path dir) {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "unused");
             RunningProxy proxy = RunningProxy.start(TestFiles.config(dir, "guarded.yaml", ONE_GROUP
                     + "general_settings:\n  master_key: " + MASTER_KEY + "\n"
                     + "litellm_settings:\n  require_auth_for_metrics_endpoint: true\n"), environment(openAi))) {
            ProxyClients.Answer anonymous = scrape(proxy, null);
            ProxyClients.Answer wrongKey = scrape(proxy, "Bearer sk-not-the-master");
            ProxyClients.Answer withKey = scrape(proxy, "Bearer " + MASTER_KEY);

            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body()).contains("\"error\"", "\"code\":\"invalid_api_key\"")
                    .doesNotContain("voxgate_");
            assertThat(wrongKey.status()).isEqualTo(401);
            assertThat(withKey.status()).isEqualTo(200);
            assertThat(withKey.body()).contains("voxgate_requests_total{");
        }
    }

    @Test
    void aScraperThatAsksForOpenMetricsGetsItAndOthersGetPrometheusText(@TempDir Path dir) {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "unused");
             RunningProxy proxy = RunningProxy.start(TestFiles.config(dir, "open.yaml", ONE_GROUP),
                     environment(openAi))) {
            ProxyClients.Answer openMetrics = ProxyClients.call(new Request.Builder()
                    .url(proxy.baseUrl() + "/metrics").header("Accept", "application/openmetrics-text;"
                            + "version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1").build());
            ProxyClients.Answer text = scrape(proxy, null);

            assertThat(openMetrics.contentType()).startsWith("application/openmetrics-text; version=1.0.0");
            assertThat(openMetrics.body()).contains("# TYPE voxgate_requests counter").endsWith("# EOF\n");
            assertThat(text.contentType()).startsWith("text/plain; version=0.0.4");
            assertThat(text.body()).contains("# TYPE voxgate_requests_total counter").doesNotContain("# EOF");
        }
    }

    private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ProxyClients.Answer scrape(RunningProxy proxy, String authorization) {
        Request.Builder request = new Request.Builder().url(proxy.baseUrl() + "/metrics");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return ProxyClients.call(request.build());
    }

    // Each series by its name and labels, without its value.
    private static Set<String> series(String exposition) {
        return exposition.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.substring(0, line.lastIndexOf(' '))).collect(Collectors.toSet());
    }

    // Each voxgate_ series by its name and labels, without its value.
    private static Set<String> voxgateSeries(String exposition) {
        return exposition.lines().filter(line -> line.startsWith("voxgate_"))
                .map(line -> line.substring(0, line.lastIndexOf(' '))).collect(Collectors.toSet());
    }

    private static Map<String, String> environment(FakeSpeechVendor openAi) {
        return Map.of("OPENAI_API_KEY", KEY, "OPENAI_API_BASE", openAi.baseUrl());
    }
}
