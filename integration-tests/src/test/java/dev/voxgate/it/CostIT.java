package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every routed answer says what it cost, in LiteLLM's header and ours, priced by the config or the built-in table. */
class CostIT {

    private static final String TRANSCRIPT = "Four score and seven years ago";

    @Test
    void aConfiguredPricePerSecondTimesThreeSecondsOfAudio(@TempDir Path dir) {
        Path config = TestFiles.config(dir, "priced.yaml", """
                model_list:
                  - model_name: speech
                    litellm_params:
                      model: openai/whisper-large-v3
                      api_base: os.environ/SELF_HOSTED_BASE
                      input_cost_per_second: 0.0001
                """);
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of("OPENAI_API_KEY", "sk-fake",
                     "SELF_HOSTED_BASE", vendor.baseUrl()))) {
            ProxyClients.Answer answer = transcribe(proxy, "speech", TestFiles.tone(dir, "three.wav", 3));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(new BigDecimal(answer.header("x-voxgate-response-cost"))).isEqualByComparingTo("0.0003");
            assertThat(answer.header("x-litellm-response-cost")).isEqualTo(answer.header("x-voxgate-response-cost"));
        }
    }

    @Test
    void theBuiltInTablePricesWhisperOneAtOpenAisRateAndGroqBillsTenSecondsForThree(@TempDir Path dir) {
        Path config = TestFiles.config(dir, "table.yaml", """
                model_list:
                  - model_name: openai
                    litellm_params:
                      model: whisper-1
                  - model_name: groq
                    litellm_params:
                      model: groq/whisper-large-v3
                """);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             FakeSpeechVendor groq = FakeSpeechVendor.groq("gsk_fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of("OPENAI_API_KEY", "sk-fake",
                     "OPENAI_API_BASE", openAi.baseUrl(), "GROQ_API_KEY", "gsk_fake",
                     "GROQ_API_BASE", groq.baseUrl()))) {
            Path threeSeconds = TestFiles.tone(dir, "three.wav", 3);

            ProxyClients.Answer whisper = transcribe(proxy, "openai", TestFiles.tone(dir, "six.wav", 6));
            ProxyClients.Answer groqAnswer = transcribe(proxy, "groq", threeSeconds);

            // whisper-1: $0.006 a minute, 6 s billed. Groq's whisper-large-v3: $0.111 an hour, at least 10 s billed.
            assertThat(new BigDecimal(whisper.header("x-voxgate-response-cost"))).isEqualByComparingTo("0.0006");
            assertThat(groqAnswer.status()).as(groqAnswer.body()).isEqualTo(200);
            assertThat(new BigDecimal(groqAnswer.header("x-litellm-response-cost")).doubleValue())
                    .isCloseTo(0.111 * 10 / 3600, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(groqAnswer.header("x-litellm-response-cost")).doesNotContain("E");
        }
    }

    private static ProxyClients.Answer transcribe(RunningProxy proxy, String model, Path audio) {
        return postTranscription(proxy, "/v1/audio/transcriptions", null, audio, fields("model", model));
    }
}
