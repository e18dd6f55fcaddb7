package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mixed groups, as users rebuild them while OpenAI's older models retire: each request reaches a deployment that can
 * serve it, the others are not called and never rest for it, and a request no deployment can serve is refused
 * before any vendor is paid to refuse it.
 */
class CapabilityRoutingIT {

    private static final String TRANSCRIPT = "Four score and seven years ago";
    private static final Pattern SRT = Pattern.compile(
            "(\\d+\\n\\d{2}:\\d{2}:\\d{2},\\d{3} --> \\d{2}:\\d{2}:\\d{2},\\d{3}\\n[^\\n]+\\n\\n)+");

    @Test
    void subtitlesFromAGroqAndDeepgramGroupAlwaysComeFromDeepgramAndGroqStillServesJson(@TempDir Path dir) {
        Path config = TestFiles.config(dir, "mixed.yaml", """
                model_list:
                  - model_name: mixed
                    litellm_params:
                      model: groq/whisper-large-v3
                  - model_name: mixed
                    litellm_params:
                      model: deepgram/nova-3
                """);
        try (FakeSpeechVendor groq = FakeSpeechVendor.groq("gsk_fake", TRANSCRIPT);
             FakeDeepgram deepgram = new FakeDeepgram("dg-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of("GROQ_API_KEY", "gsk_fake",
                     "GROQ_API_BASE", groq.baseUrl(), "DEEPGRAM_API_KEY", "dg-fake",
                     "DEEPGRAM_API_BASE", deepgram.baseUrl()))) {
            for (int i = 0; i < 20; i++) {
                var answer = transcribe(proxy, "mixed", "srt");
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).matches(SRT).contains("Four score");
                assertThat(answer.header("x-voxgate-left-out-deployments")).contains("response_format=srt");
            }
            assertThat(groq.seen()).isEmpty();
            assertThat(deepgram.seen()).hasSize(20);

            for (int i = 0; i < 20; i++) {
                assertThat(transcribe(proxy, "mixed", "json").status()).isEqualTo(200);
            }
            assertThat(groq.seen()).as("never rested for the srt requests it was not sent").isNotEmpty();
        }
    }

    @Test
    void aStreamedTranscriptNeverReachesWhisper1(@TempDir Path dir) {
        Path config = TestFiles.config(dir, "speech.yaml", """
                model_list:
                  - model_name: speech
                    litellm_params:
                      model: openai/whisper-1
                      api_base: os.environ/WHISPER_BASE
                  - model_name: speech
                    litellm_params:
                      model: openai/gpt-4o-transcribe
                      api_base: os.environ/GPT4O_BASE
                """);
        try (FakeSpeechVendor whisper = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             FakeSpeechVendor gpt4o = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of("OPENAI_API_KEY", "sk-fake",
                     "WHISPER_BASE", whisper.baseUrl(), "GPT4O_BASE", gpt4o.baseUrl()))) {
            gpt4o.releaseStream();
            for (int i = 0; i < 10; i++) {
                var answer = postTranscription(proxy, "/v1/audio/transcriptions", null, Examples.audio(),
                        fields("model", "speech", "stream", "true"));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.contentType()).startsWith("text/event-stream");
                assertThat(answer.body()).contains("transcript.text.done");
            }
            assertThat(whisper.seen()).isEmpty();
            assertThat(gpt4o.seen()).hasSize(10);
        }
    }

    @Test
    void aTwoMegabyteUploadAlwaysReachesTheDeploymentWithoutALimit(@TempDir Path dir) {
        Path config = TestFiles.config(dir, "sizes.yaml", """
                model_list:
                  - model_name: speech
                    litellm_params:
                      model: openai/whisper-1
                      api_base: os.environ/SMALL_BASE
                      max_file_size_mb: 1
                  - model_name: speech
                    litellm_params:
                      model: openai/whisper-1
                      api_base: os.environ/LARGE_BASE
                """);
        Path large = TestFiles.wav(dir, "two-megabytes.wav", 2 * 1024 * 1024);
        try (FakeSpeechVendor small = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             FakeSpeechVendor unlimited = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of("OPENAI_API_KEY", "sk-fake",
                     "SMALL_BASE", small.baseUrl(), "LARGE_BASE", unlimited.baseUrl()))) {
            for (int i = 0; i < 6; i++) {
                var answer = postTranscription(proxy, "/v1/audio/transcriptions", null, large,
                        fields("model", "speech"));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            }
            assertThat(small.seen()).isEmpty();
            assertThat(unlimited.seen()).hasSize(6);
        }
    }

    @Test
    void aTranslationFromAMistralAndOpenAiGroupAlwaysGoesToOpenAi(@TempDir Path dir) {
        Path config = TestFiles.config(dir, "translate.yaml", """
                model_list:
                  - model_name: speech
                    litellm_params:
                      model: mistral/voxtral-mini-latest
                      api_key: mistral-fake
                      api_base: os.environ/MISTRAL_BASE
                  - model_name: speech
                    litellm_params:
                      model: openai/whisper-1
                      api_base: os.environ/OPENAI_BASE
                """);
        try (FakeSpeechVendor mistral = FakeSpeechVendor.openAi("mistral-fake", TRANSCRIPT);
             FakeSpeechVendor openAi = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of("OPENAI_API_KEY", "sk-fake",
                     "MISTRAL_BASE", mistral.baseUrl(), "OPENAI_BASE", openAi.baseUrl()))) {
            for (int i = 0; i < 10; i++) {
                var answer = postTranscription(proxy, "/v1/audio/translations", null, Examples.audio(),
                        fields("model", "speech"));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            }
            assertThat(mistral.seen()).isEmpty();
            assertThat(openAi.seen()).hasSize(10);
        }
    }

    @Test
    void subtitlesFromAGroqOnlyGroupAreRefusedBeforeAnyCallUnlessItFallsBackToDeepgram(@TempDir Path dir) {
        String groups = """
                model_list:
                  - model_name: fast
                    litellm_params:
                      model: groq/whisper-large-v3
                  - model_name: subtitles
                    litellm_params:
                      model: deepgram/nova-3
                """;
        Path alone = TestFiles.config(dir, "alone.yaml", groups);
        Path withFallback = TestFiles.config(dir, "fallback.yaml", groups + """
                router_settings:
                  fallbacks: [{"fast": ["subtitles"]}]
                """);
        try (FakeSpeechVendor groq = FakeSpeechVendor.groq("gsk_fake", TRANSCRIPT);
             FakeDeepgram deepgram = new FakeDeepgram("dg-fake", TRANSCRIPT)) {
            Map<String, String> environment = Map.of("GROQ_API_KEY", "gsk_fake", "GROQ_API_BASE", groq.baseUrl(),
                    "DEEPGRAM_API_KEY", "dg-fake", "DEEPGRAM_API_BASE", deepgram.baseUrl());
            try (RunningProxy proxy = RunningProxy.start(alone, environment)) {
                var refused = transcribe(proxy, "fast", "srt");
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.body()).contains("response_format=srt").contains("groq/whisper-large-v3")
                        .contains("\"code\":\"no_capable_deployment\"");
            }
            try (RunningProxy proxy = RunningProxy.start(withFallback, environment)) {
                var answer = transcribe(proxy, "fast", "srt");
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).matches(SRT);
                assertThat(answer.header("x-voxgate-model-group")).isEqualTo("subtitles");
            }
            assertThat(groq.seen()).isEmpty();
            assertThat(deepgram.seen()).hasSize(1);
        }
    }

    @Test
    void theStartWarnsOfEachDeploymentOnAModelOpenAiShutsDown(@TempDir Path dir) {
        Path config = TestFiles.config(dir, "retiring.yaml", """
                model_list:
                  - model_name: speech
                    litellm_params:
                      model: whisper-1
                  - model_name: speech
                    litellm_params:
                      model: azure/gpt-4o-mini-transcribe
                      api_base: https://example.openai.azure.com
                      api_key: azure-fake
                  - model_name: speech
                    litellm_params:
                      model: openai/gpt-transcribe
                """);
        try (RunningProxy proxy = RunningProxy.start(config, Map.of("OPENAI_API_KEY", "sk-fake"))) {
            assertThat(proxy.startOutput().lines().filter(line -> line.contains("OpenAI shuts down")))
                    .satisfiesExactly(
                            line -> assertThat(line).contains("uses whisper-1").contains("2027-02-26"),
                            line -> assertThat(line).contains("uses gpt-4o-mini-transcribe").contains("2027-02-26"));
        }
    }

    private static ProxyClients.Answer transcribe(RunningProxy proxy, String model, String format) {
        return postTranscription(proxy, "/v1/audio/transcriptions", null, Examples.audio(),
                fields("model", model, "response_format", format));
    }
}
