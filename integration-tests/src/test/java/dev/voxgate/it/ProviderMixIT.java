package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.providers.fakes.FakeAssemblyAi;
import dev.voxgate.providers.fakes.FakeSoniox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One model group over vendors of every kind (OpenAI-compatible, Deepgram, the job-style AssemblyAI and Soniox):
 * every answer has OpenAI's shape.
 */
class ProviderMixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRANSCRIPT = "Four score and seven years ago";
    private static final String CONFIG = """
            model_list:
              - model_name: whisper
                litellm_params:
                  model: groq/whisper-large-v3
              - model_name: whisper
                litellm_params:
                  model: deepgram/nova-3
              - model_name: whisper
                litellm_params:
                  model: openai/Systran/faster-whisper-small
                  api_base: os.environ/SELF_HOSTED_BASE
            """;

    @Test
    void everyVendorOfAGroupAnswersInOpenAisShape(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("mix.yaml"), CONFIG);
        try (FakeSpeechVendor groq = FakeSpeechVendor.groq("gsk_fake_groq_key", TRANSCRIPT);
             FakeDeepgram deepgram = new FakeDeepgram("dg-fake-key", TRANSCRIPT);
             FakeSpeechVendor selfHosted = FakeSpeechVendor.openAi("unused-key", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of(
                     "GROQ_API_KEY", "gsk_fake_groq_key", "GROQ_API_BASE", groq.baseUrl(),
                     "DEEPGRAM_API_KEY", "dg-fake-key", "DEEPGRAM_API_BASE", deepgram.baseUrl(),
                     "SELF_HOSTED_BASE", selfHosted.baseUrl(), "OPENAI_API_KEY", "unused-key"))) {
            for (int i = 0; i < 30; i++) {
                assertJsonShape(transcribe(proxy, "json"));
                assertVerboseShape(transcribe(proxy, "verbose_json"));
            }

            assertThat(groq.seen()).isNotEmpty();
            assertThat(deepgram.seen()).isNotEmpty();
            assertThat(selfHosted.seen()).isNotEmpty();
            assertThat(deepgram.seen().getFirst().url().queryParameter("model")).isEqualTo("nova-3");
            assertThat(groq.seen().getFirst().fields().get("model")).containsExactly("whisper-large-v3");
        }
    }

    @Test
    void synchronousAndJobStyleVendorsOfOneGroupAnswerInOneShape(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("jobs-mix.yaml"), """
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: openai/Systran/faster-whisper-small
                      api_base: os.environ/SELF_HOSTED_BASE
                  - model_name: whisper
                    litellm_params:
                      model: deepgram/nova-3
                  - model_name: whisper
                    litellm_params:
                      model: assemblyai/universal-2
                  - model_name: whisper
                    litellm_params:
                      model: soniox/stt-async-v4
                router_settings:
                  routing_strategy: usage-based-routing
                """);
        try (FakeSpeechVendor selfHosted = FakeSpeechVendor.openAi("unused-key", TRANSCRIPT);
             FakeDeepgram deepgram = new FakeDeepgram("dg-fake-key", TRANSCRIPT);
             LoopbackJobVendor<FakeAssemblyAi> assemblyAi = LoopbackJobVendor.assemblyAi("aai-fake-key", TRANSCRIPT);
             LoopbackJobVendor<FakeSoniox> soniox = LoopbackJobVendor.soniox("soniox-fake-key", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of(
                     "SELF_HOSTED_BASE", selfHosted.baseUrl(), "OPENAI_API_KEY", "unused-key",
                     "DEEPGRAM_API_KEY", "dg-fake-key", "DEEPGRAM_API_BASE", deepgram.baseUrl(),
                     "ASSEMBLYAI_API_KEY", "aai-fake-key", "ASSEMBLYAI_API_BASE", assemblyAi.baseUrl(),
                     "SONIOX_API_KEY", "soniox-fake-key", "SONIOX_API_BASE", soniox.baseUrl()))) {
            assemblyAi.vendor().pollsRunning(0);
            soniox.vendor().pollsRunning(0);
            // Usage-based routing takes the deployment least used this minute: in turn, so each answers both formats.
            for (int i = 0; i < 8; i++) {
                assertJsonShape(transcribe(proxy, "json"));
                assertVerboseShape(transcribe(proxy, "verbose_json"));
            }

            assertThat(selfHosted.seen()).isNotEmpty();
            assertThat(deepgram.seen()).isNotEmpty();
            assertThat(assemblyAi.vendor().count("POST /v2/transcript")).isPositive();
            assertThat(soniox.vendor().count("POST /v1/transcriptions")).isPositive();
            assertThat(assemblyAi.vendor().lastOptions().path("speech_models").path(0).asText())
                    .isEqualTo("universal-2");
        }
    }

    private static JsonNode transcribe(RunningProxy proxy, String format) throws IOException {
        var answer = postTranscription(proxy, "/v1/audio/transcriptions", null, Examples.audio(),
                fields("model", "whisper", "response_format", format));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return JSON.readTree(answer.body());
    }

    private static void assertJsonShape(JsonNode body) {
        assertThat(body.get("text").asText()).isEqualTo(TRANSCRIPT);
        assertThat(body.properties()).allSatisfy(field -> assertThat(field.getKey()).isIn("text", "usage"));
    }

    private static void assertVerboseShape(JsonNode body) {
        assertThat(body.get("task").asText()).isEqualTo("transcribe");
        assertThat(body.get("text").asText()).isEqualTo(TRANSCRIPT);
        assertThat(body.get("language").isTextual()).isTrue();
        assertThat(body.get("duration").isNumber()).isTrue();
        assertThat(body.get("segments")).isNotEmpty().allSatisfy(segment -> {
            assertThat(segment.get("start").isNumber()).isTrue();
            assertThat(segment.get("end").isNumber()).isTrue();
            assertThat(segment.get("text").asText().strip()).isNotEmpty();
        });
    }
}
