package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in offline engine behind the proxy: the no-config default, a fallback for a cloud group, overload. */
class LocalEngineIT {

    private static final String FOX = "the quick brown fox jumps over the lazy dog";
    private static final String OPENAI_KEY = "sk-openai-test-0123456789";

    @Test
    void withoutAConfigTheProxyServesGroupLocalAndTheOpenAiSdkGetsTheTranscript() {
        try (RunningProxy proxy = RunningProxy.withoutConfig(Examples.localEngineCache())) {
            String text = ProxyClients.openAi(proxy, "any-key").audio().transcriptions()
                    .create(TranscriptionCreateParams.builder().file(Examples.audio("quick-brown-fox.wav"))
                            .model("local").build())
                    .asTranscription().text();

            assertThat(text).isEqualTo(FOX);
            assertThat(proxy.startOutput())
                    .contains("No --config given: serving model group 'local' with the built-in offline model")
                    .contains("model group local -> local/vosk-en")
                    .contains("warning: no general_settings.master_key is configured");
            var models = ProxyClients.call(new Request.Builder().url(proxy.baseUrl() + "/v1/models").build());
            assertThat(models.body()).contains("\"id\":\"local\"");
        }
    }

    @Test
    void verboseJsonCarriesWordsSegmentsAndTheAudiosDuration() throws IOException {
        try (RunningProxy proxy = RunningProxy.withoutConfig(Examples.localEngineCache())) {
            var answer = postTranscription(proxy, "/v1/audio/transcriptions", null,
                    Examples.audio("quick-brown-fox.wav"), fields("model", "local", "response_format", "verbose_json",
                            "timestamp_granularities[]", "word"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(answer.body());
            assertThat(body.get("text").asText()).isEqualTo(FOX);
            assertThat(body.get("duration").asDouble()).isBetween(3.43, 3.45);
            assertThat(body.get("words")).hasSize(9);
            assertThat(body.get("words").get(8).get("word").asText()).isEqualTo("dog");
        }
    }

    @Test
    void aCloudGroupAnswering503FallsBackToLocal() {
        Map<String, String> environment = new HashMap<>(Examples.localEngineCache());
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "from the cloud")) {
            environment.putAll(Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", openAi.baseUrl()));
            openAi.failWith(503, "{\"error\":{\"message\":\"The engine is currently overloaded\","
                    + "\"type\":\"server_error\",\"param\":null,\"code\":null}}");
            try (RunningProxy proxy = RunningProxy.start(Examples.config("whisper-local-fallback.yaml"), environment)) {
                var answer = postTranscription(proxy, "/v1/audio/transcriptions", null,
                        Examples.audio("quick-brown-fox.wav"), fields("model", "whisper"));

                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"text\":\"" + FOX + "\"");
                assertThat(openAi.seen()).isNotEmpty();
            }
        }
    }

    @Test
    void moreRequestsThanSlotsAndWaitingPlacesGet429WithRetryAfterAndTheAcceptedOnesFinish(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("local-tight.yaml");
        Files.writeString(config, """
                model_list:
                  - model_name: local
                    litellm_params:
                      model: local/vosk-en
                      max_concurrent_decodes: 1
                      max_queued_decodes: 1
                router_settings:
                  num_retries: 0
                """);
        try (RunningProxy proxy = RunningProxy.start(config, Examples.localEngineCache());
             ExecutorService clients = Executors.newFixedThreadPool(6)) {
            List<CompletableFuture<ProxyClients.Answer>> calls = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> ProxyClients.postTranscription(proxy,
                            Examples.localEngineClip("sense-and-sensibility.wav"), fields("model", "local"),
                            Duration.ofMinutes(2)), clients))
                    .toList();
            List<ProxyClients.Answer> answers = calls.stream()
                    .map(call -> call.orTimeout(3, TimeUnit.MINUTES).join()).toList();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 429));
            List<ProxyClients.Answer> refused = answers.stream().filter(answer -> answer.status() == 429).toList();
            List<ProxyClients.Answer> served = answers.stream().filter(answer -> answer.status() == 200).toList();
            assertThat(refused).isNotEmpty().allSatisfy(answer -> {
                assertThat(Integer.parseInt(answer.retryAfter())).isPositive();
                assertThat(answer.body()).contains("busy");
            });
            assertThat(served).isNotEmpty().allSatisfy(answer ->
                    assertThat(answer.body()).contains("mister john dashwood"));
        }
    }

    @Test
    void aLocalDeploymentWhoseModelFolderIsMissingStopsTheStartNamingIt(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("vosk-model-en-us-0.22");
        Path config = dir.resolve("big-model.yaml");
        Files.writeString(config, """
                model_list:
                  - model_name: local
                    litellm_params:
                      model: local/vosk-en-us-0.22
                      model_path: %s
                """.formatted(missing));

        assertThatThrownBy(() -> RunningProxy.start(config, Examples.localEngineCache()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(local/vosk-en-us-0.22)")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }
}
