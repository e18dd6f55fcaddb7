package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.audio.AudioResponseFormat;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every response format from every provider family, read with the official OpenAI Java SDK: the vendors that write
 * a format themselves have it passed through; for the JSON-only ones (Deepgram, ElevenLabs, the local engine) the
 * proxy renders it, and its subtitles are valid, with timestamps that never go back.
 */
class ResponseFormatsIT {

    private static final String TRANSCRIPT = "Four score and seven years ago";
    // The local engine really listens: it gets a clip it transcribes word for word.
    private static final String LOCAL = "local-family";
    private static final String LOCAL_TRANSCRIPT = "the quick brown fox jumps over the lazy dog";
    private static final Pattern CUE_TIMES = Pattern.compile(
            "(\\d{2}):(\\d{2}):(\\d{2})[,.](\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2})[,.](\\d{3})");

    @TempDir
    static Path dir;
    private static FakeSpeechVendor openAi;
    private static FakeDeepgram deepgram;
    private static FakeElevenLabs elevenLabs;
    private static RunningProxy proxy;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws IOException {
        openAi = FakeSpeechVendor.openAi("sk-formats", TRANSCRIPT);
        deepgram = new FakeDeepgram("dg-formats", TRANSCRIPT);
        elevenLabs = new FakeElevenLabs("xi-formats", TRANSCRIPT);
        Path config = Files.writeString(dir.resolve("families.yaml"), """
                model_list:
                  - model_name: openai-family
                    litellm_params: {model: whisper-1}
                  - model_name: deepgram-family
                    litellm_params: {model: deepgram/nova-3}
                  - model_name: elevenlabs-family
                    litellm_params: {model: elevenlabs/scribe_v1}
                  - model_name: local-family
                    litellm_params: {model: local/vosk-en}
                """);
        Map<String, String> environment = new HashMap<>(Examples.localEngineCache());
        environment.putAll(Map.of("OPENAI_API_KEY", "sk-formats", "OPENAI_API_BASE", openAi.baseUrl(),
                "DEEPGRAM_API_KEY", "dg-formats", "DEEPGRAM_API_BASE", deepgram.baseUrl(),
                "ELEVENLABS_API_KEY", "xi-formats", "ELEVENLABS_API_BASE", elevenLabs.baseUrl()));
        proxy = RunningProxy.start(config, environment);
        client = ProxyClients.openAi(proxy, "unused");
    }

    @AfterAll
    static void stop() {
        proxy.close();
        openAi.close();
        deepgram.close();
        elevenLabs.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-family", "deepgram-family", "elevenlabs-family", LOCAL})
    void jsonHasTheText(String group) {
        assertThat(client.audio().transcriptions().create(params(group, AudioResponseFormat.JSON))
                .asTranscription().text()).isEqualTo(transcript(group));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-family", "deepgram-family", "elevenlabs-family", LOCAL})
    void verboseJsonHasLanguageDurationAndTimedSegments(String group) {
        var verbose = client.audio().transcriptions().create(params(group, AudioResponseFormat.VERBOSE_JSON))
                .asVerbose();

        assertThat(verbose.text()).isEqualTo(transcript(group));
        assertThat(verbose.language()).isNotBlank();
        assertThat(verbose.duration()).isPositive();
        assertThat(verbose.segments()).get().asList().isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-family", "deepgram-family", "elevenlabs-family", LOCAL})
    void textIsPlainText(String group) throws IOException {
        Raw raw = raw(group, AudioResponseFormat.TEXT);

        assertThat(raw.contentType()).startsWith("text/plain");
        assertThat(raw.body().strip()).isEqualTo(transcript(group));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-family", "deepgram-family", "elevenlabs-family", LOCAL})
    void srtIsValidSubRipWithTimesThatNeverGoBack(String group) throws IOException {
        Raw raw = raw(group, AudioResponseFormat.SRT);

        assertThat(raw.contentType()).startsWith("text/plain");
        assertThat(raw.body()).startsWith("1\n");
        assertMonotonicCues(raw.body(), ',');
        assertThat(raw.body()).contains(transcript(group).split(" ")[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-family", "deepgram-family", "elevenlabs-family", LOCAL})
    void vttIsValidWebVttWithTimesThatNeverGoBack(String group) throws IOException {
        Raw raw = raw(group, AudioResponseFormat.VTT);

        assertThat(raw.contentType()).startsWith("text/plain");
        assertThat(raw.body()).startsWith("WEBVTT\n\n");
        assertMonotonicCues(raw.body(), '.');
    }

    private record Raw(String contentType, String body) {
    }

    private static Raw raw(String group, AudioResponseFormat format) throws IOException {
        try (HttpResponseFor<TranscriptionCreateResponse> response = client.audio().transcriptions()
                .withRawResponse().create(params(group, format))) {
            assertThat(response.statusCode()).isEqualTo(200);
            return new Raw(response.headers().values("Content-Type").getFirst(),
                    new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static TranscriptionCreateParams params(String group, AudioResponseFormat format) {
        Path audio = group.equals(LOCAL) ? Examples.audio("quick-brown-fox.wav") : Examples.audio();
        return TranscriptionCreateParams.builder().file(audio).model(group).responseFormat(format).build();
    }

    private static String transcript(String group) {
        return group.equals(LOCAL) ? LOCAL_TRANSCRIPT : TRANSCRIPT;
    }

    private static void assertMonotonicCues(String subtitles, char millisSeparator) {
        Matcher cue = CUE_TIMES.matcher(subtitles);
        long previousStart = -1;
        int cues = 0;
        while (cue.find()) {
            assertThat(cue.group()).contains(String.valueOf(millisSeparator));
            long start = millis(cue, 1);
            long end = millis(cue, 5);
            assertThat(start).isLessThanOrEqualTo(end).isGreaterThanOrEqualTo(previousStart);
            previousStart = start;
            cues++;
        }
        assertThat(cues).as("cues in %s", subtitles).isPositive();
        List<String> blocks = List.of(subtitles.strip().split("\n\n"));
        assertThat(blocks).allSatisfy(block -> assertThat(block.strip()).isNotEmpty());
    }

    private static long millis(Matcher cue, int first) {
        return ((Long.parseLong(cue.group(first)) * 60 + Long.parseLong(cue.group(first + 1))) * 60
                + Long.parseLong(cue.group(first + 2))) * 1000 + Long.parseLong(cue.group(first + 3));
    }
}
