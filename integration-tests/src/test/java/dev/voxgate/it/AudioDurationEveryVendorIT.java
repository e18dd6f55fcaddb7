package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same three seconds of audio, answered by every kind of vendor, comes back in one shape: {@code usage} says the
 * audio's length whether the vendor billed seconds (OpenAI, Azure, a self-hosted server), reported a duration of
 * its own (Deepgram, ElevenLabs) or said nothing about it (Groq), in which case Voxgate measured it from the file.
 */
class AudioDurationEveryVendorIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRANSCRIPT = "a steady tone";

    @Test
    void everyVendorsJsonAnswerCarriesTheAudiosLength(@TempDir Path dir) throws IOException {
        Path config = TestFiles.config(dir, "every.yaml", """
                model_list:
                  - model_name: openai
                    litellm_params:
                      model: openai/whisper-1
                      api_base: os.environ/OPENAI_FAKE
                  - model_name: azure
                    litellm_params:
                      model: azure/whisper
                      api_base: os.environ/AZURE_FAKE
                      api_key: azure-fake
                  - model_name: groq
                    litellm_params:
                      model: groq/whisper-large-v3
                  - model_name: deepgram
                    litellm_params:
                      model: deepgram/nova-3
                  - model_name: elevenlabs
                    litellm_params:
                      model: elevenlabs/scribe_v1
                      api_key: xi-fake
                      api_base: os.environ/ELEVENLABS_FAKE
                  - model_name: self-hosted
                    litellm_params:
                      model: hosted_vllm/whisper-large-v3
                      api_base: os.environ/VLLM_FAKE
                      api_key: vllm-fake
                """);
        Path threeSeconds = TestFiles.tone(dir, "three-seconds.wav", 3);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             FakeSpeechVendor azure = FakeSpeechVendor.azure("azure-fake", TRANSCRIPT, "whisper");
             FakeSpeechVendor groq = FakeSpeechVendor.groq("gsk_fake", TRANSCRIPT);
             FakeDeepgram deepgram = new FakeDeepgram("dg-fake", TRANSCRIPT);
             FakeElevenLabs elevenLabs = new FakeElevenLabs("xi-fake", TRANSCRIPT);
             FakeSpeechVendor vllm = FakeSpeechVendor.openAi("vllm-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of(
                     "OPENAI_API_KEY", "sk-fake", "OPENAI_FAKE", openAi.baseUrl(),
                     "AZURE_FAKE", azure.baseUrl(),
                     "GROQ_API_KEY", "gsk_fake", "GROQ_API_BASE", groq.baseUrl(),
                     "DEEPGRAM_API_KEY", "dg-fake", "DEEPGRAM_API_BASE", deepgram.baseUrl(),
                     "ELEVENLABS_FAKE", elevenLabs.baseUrl(), "VLLM_FAKE", vllm.baseUrl()))) {
            for (String group : List.of("openai", "azure", "groq", "deepgram", "elevenlabs", "self-hosted")) {
                var answer = postTranscription(proxy, "/v1/audio/transcriptions", null, threeSeconds,
                        fields("model", group, "response_format", "json"));
                assertThat(answer.status()).as(group + ": " + answer.body()).isEqualTo(200);
                JsonNode usage = JSON.readTree(answer.body()).get("usage");
                assertThat(usage).as(group + ": " + answer.body()).isNotNull();
                assertThat(usage.get("type").asText()).as(group).isEqualTo("duration");
                assertThat(usage.get("seconds").asDouble()).as(group + ": " + answer.body())
                        .isBetween(2.7, 3.3);
            }
            assertThat(groq.seen()).hasSize(1);
        }
    }
}
