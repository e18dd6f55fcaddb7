package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.providers.fakes.FakeGemini;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google Gemini through the proxy, at its strict loopback fake: {@code gemini-3.5-transcribe} (the Interactions API)
 * answers the same three seconds of audio in every response format, {@code gemini-2.5-flash}
 * ({@code generateContent}) in json and text, each with the audio's length; what the general model cannot serve
 * (timings, subtitles, speakers) is refused by its declared capabilities with no call reaching Google.
 */
class GeminiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "AIza-fake-gemini-key-0123456789";
    private static final String TRANSCRIPT = "Four score and seven years ago.";

    private static Path config(Path dir) {
        return TestFiles.config(dir, "gemini.yaml", """
                model_list:
                  - model_name: gemini-transcribe
                    litellm_params:
                      model: gemini/gemini-3.5-transcribe
                  - model_name: gemini-flash
                    litellm_params:
                      model: gemini/gemini-2.5-flash
                """);
    }

    private static Map<String, String> environment(LoopbackJobVendor<FakeGemini> gemini) {
        return Map.of("GEMINI_API_KEY", KEY, "GEMINI_API_BASE", gemini.baseUrl());
    }

    @Test
    void transcribeAnswersEveryFormatWithWordsSpeakersAndTheAudiosLength(@TempDir Path dir) throws Exception {
        Path threeSeconds = TestFiles.tone(dir, "three-seconds.wav", 3);
        try (LoopbackJobVendor<FakeGemini> gemini = LoopbackJobVendor.gemini(KEY, TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config(dir), environment(gemini))) {
            assertUsage(JSON.readTree(transcribe(proxy, threeSeconds, "gemini-transcribe", "json").body()));
            JsonNode verbose = JSON.readTree(transcribe(proxy, threeSeconds, "gemini-transcribe", "verbose_json")
                    .body());
            assertThat(verbose.get("duration").asDouble()).isBetween(2.7, 3.3);
            assertThat(verbose.get("words")).hasSize(6);
            assertThat(verbose.get("words").get(0).get("word").asText()).isEqualTo("Four");
            assertThat(verbose.get("segments")).isNotEmpty();
            assertUsage(verbose);
            JsonNode diarized = JSON.readTree(transcribe(proxy, threeSeconds, "gemini-transcribe", "diarized_json")
                    .body());
            assertThat(diarized.get("segments")).extracting(segment -> segment.get("speaker").asText())
                    .containsExactly("spk_1", "spk_2");
            assertThat(transcribe(proxy, threeSeconds, "gemini-transcribe", "text").body())
                    .isEqualTo(TRANSCRIPT + "\n");
            assertThat(transcribe(proxy, threeSeconds, "gemini-transcribe", "srt").body())
                    .startsWith("1\n00:00:00,000 --> 00:00:02,").contains(TRANSCRIPT);
            assertThat(transcribe(proxy, threeSeconds, "gemini-transcribe", "vtt").body())
                    .startsWith("WEBVTT\n\n").contains("00:00:00.000 --> 00:00:02.").contains(TRANSCRIPT);

            assertThat(gemini.vendor().seen()).containsOnly("POST /v1beta/interactions").hasSize(6);
        }
    }

    @Test
    void aGeneralModelAnswersJsonAndTextAndIsNeverAskedForWhatItCannotServe(@TempDir Path dir) throws Exception {
        Path threeSeconds = TestFiles.tone(dir, "three-seconds.wav", 3);
        try (LoopbackJobVendor<FakeGemini> gemini = LoopbackJobVendor.gemini(KEY, TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config(dir), environment(gemini))) {
            List<ProxyClients.Answer> refused = List.of(
                    postTranscription(proxy, "/v1/audio/transcriptions", null, threeSeconds,
                            fields("model", "gemini-flash", "response_format", "verbose_json")),
                    postTranscription(proxy, "/v1/audio/transcriptions", null, threeSeconds,
                            fields("model", "gemini-flash", "response_format", "srt")),
                    postTranscription(proxy, "/v1/audio/transcriptions", null, threeSeconds,
                            fields("model", "gemini-flash", "response_format", "vtt")),
                    postTranscription(proxy, "/v1/audio/transcriptions", null, threeSeconds,
                            fields("model", "gemini-flash", "response_format", "diarized_json")),
                    postTranscription(proxy, "/v1/audio/transcriptions", null, threeSeconds,
                            fields("model", "gemini-flash", "timestamp_granularities[]", "word")),
                    postTranscription(proxy, "/v1/audio/translations", null, threeSeconds,
                            fields("model", "gemini-flash")));
            assertThat(refused).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(400));
            assertThat(gemini.requestCount()).isZero();

            assertUsage(JSON.readTree(transcribe(proxy, threeSeconds, "gemini-flash", "json").body()));
            assertThat(transcribe(proxy, threeSeconds, "gemini-flash", "text").body()).isEqualTo(TRANSCRIPT + "\n");
            assertThat(gemini.vendor().seen()).containsExactly(
                    "POST /v1beta/models/gemini-2.5-flash:generateContent",
                    "POST /v1beta/models/gemini-2.5-flash:generateContent");
        }
    }

    private static ProxyClients.Answer transcribe(RunningProxy proxy, Path audio, String group, String format) {
        var answer = postTranscription(proxy, "/v1/audio/transcriptions", null, audio,
                fields("model", group, "response_format", format));
        assertThat(answer.status()).as(group + " " + format + ": " + answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain(KEY);
        return answer;
    }

    /** Gemini bills tokens, 32 a second of audio; the answer adds the seconds the proxy measured. */
    private static void assertUsage(JsonNode body) {
        assertThat(body.get("text").asText()).isEqualTo(TRANSCRIPT);
        assertThat(body.get("usage").get("type").asText()).isEqualTo("tokens");
        assertThat(body.get("usage").get("input_token_details").get("audio_tokens").asInt()).isBetween(86, 106);
        assertThat(body.get("usage").get("seconds").asDouble()).isBetween(2.7, 3.3);
    }
}
