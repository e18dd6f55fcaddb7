package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.sdk.TranscriptionOptions;
import dev.voxgate.sdk.Voxgate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long audio through the proxy and the SDK: two minutes of {@link ToneSpeech} (24 words of 3 s, each followed by a
 * 2 s pause; 3.84 MB as WAV) to a group whose deployments take 1 MB at most, so the proxy must cut it into chunks
 * at the pauses, send each as a WAV of its own, and stitch what the listening fake heard back onto the whole
 * recording's time.
 */
class ChunkedTranscriptionIT {

    private static final String KEY = "sk-chunks-0123456789";
    private static final double WORD = 3;
    private static final double PAUSE = 2;
    private static final int WORDS = 24;
    private static final String ALL_WORDS = String.join(" ", IntStream.range(0, WORDS).mapToObj(ToneSpeech::word)
            .toList());
    private static final String ONE_MEGABYTE_GROUP = """
            model_list:
              - model_name: long
                litellm_params:
                  model: openai/whisper-1
                  api_base: os.environ/FIRST_BASE
                  max_file_size_mb: 1
                  order: 1
              - model_name: long
                litellm_params:
                  model: openai/whisper-1
                  api_base: os.environ/SECOND_BASE
                  max_file_size_mb: 1
                  order: 2
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoMinutesOverAOneMegabyteLimitAreOneAnswerStitchedFromChunksCutAtThePauses(@TempDir Path dir)
            throws IOException {
        Path speech = ToneSpeech.write(dir.resolve("meeting.wav"), WORDS, WORD, PAUSE);
        try (Group group = Group.start(dir)) {
            FakeSpeechVendor first = group.first();
            FakeSpeechVendor second = group.second();
            var answer = group.post(speech, "response_format", "verbose_json");

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(first.seen()).hasSizeGreaterThanOrEqualTo(4).allSatisfy(upload -> {
                assertThat(upload.fileBytes().length).isLessThan(1024 * 1024);
                assertThat(ToneSpeech.seconds(upload.fileBytes())).as("a valid 16 kHz PCM WAV").isPresent();
                assertThat(upload.filename()).matches("meeting-chunk\\d+\\.wav");
            });
            assertThat(second.seen()).isEmpty();
            assertThat(answer.headers().get("x-voxgate-chunks")).isEqualTo(Integer.toString(first.seen().size()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.get("text").asText()).isEqualTo(ALL_WORDS);
            assertThat(body.get("duration").asDouble()).isCloseTo(120, within(0.01));
            // The chunks' bills added up: 29 + 30 + 30 + 30 + 1 s, at whisper-1's $0.006 a minute.
            assertThat(body.at("/usage/seconds").asLong()).isEqualTo(120);
            assertThat(new java.math.BigDecimal(answer.headers().get("x-voxgate-response-cost")))
                    .isEqualByComparingTo("0.012");
            JsonNode segments = body.get("segments");
            assertThat(segments).hasSize(WORDS);
            assertThat(segments.get(0).get("start").asDouble()).isCloseTo(0, within(0.01));
            // The last chunk may be the closing pause alone, in which the vendor hears nothing and gives no segment.
            assertThat(segments.get(WORDS - 1).get("end").asDouble()).isCloseTo(120, within(PAUSE));
            for (int i = 0; i < WORDS; i++) {
                JsonNode segment = segments.get(i);
                assertThat(segment.get("id").asInt()).isEqualTo(i);
                assertThat(segment.get("text").asText().strip()).isEqualTo(ToneSpeech.word(i));
                if (i > 0) {
                    // Tiled, as the vendor's own segments are: no gap or overlap beyond the 1 s overlap setting.
                    assertThat(segment.get("start").asDouble())
                            .isCloseTo(segments.get(i - 1).get("end").asDouble(), within(1.0));
                }
            }
            JsonNode words = body.get("words");
            assertThat(words).hasSize(WORDS);
            for (int i = 0; i < WORDS; i++) {
                // Each word where it is in the recording, whatever chunk it was heard in.
                assertThat(words.get(i).get("start").asDouble()).isCloseTo(i * (WORD + PAUSE), within(0.05));
            }
        }
    }

    @Test
    void subtitlesOfAChunkedUploadAreNumberedAndTimedAcrossTheWholeFile(@TempDir Path dir) {
        Path speech = ToneSpeech.write(dir.resolve("talk.wav"), WORDS, WORD, PAUSE);
        try (Group group = Group.start(dir)) {
            FakeSpeechVendor first = group.first();
            FakeSpeechVendor second = group.second();
            var answer = group.post(speech, "response_format", "srt");

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(first.seen()).allSatisfy(upload -> assertThat(upload.fields().get("response_format"))
                    .containsExactly("verbose_json"));
            Matcher cue = Pattern.compile("(\\d+)\\n(\\d\\d):(\\d\\d):(\\d\\d),(\\d{3}) --> "
                    + "(\\d\\d):(\\d\\d):(\\d\\d),(\\d{3})\\n(.+)\\n").matcher(answer.body());
            List<Integer> numbers = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            double lastStart = -1;
            while (cue.find()) {
                numbers.add(Integer.parseInt(cue.group(1)));
                texts.add(cue.group(10));
                double start = millis(cue, 2) / 1000.0;
                assertThat(start).isGreaterThan(lastStart).isLessThan(millis(cue, 6) / 1000.0);
                lastStart = start;
            }
            assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, WORDS).boxed().toList());
            assertThat(String.join(" ", texts)).isEqualTo(ALL_WORDS);
            assertThat(lastStart).isCloseTo((WORDS - 1) * (WORD + PAUSE) - PAUSE / 2, within(0.05));
        }
    }

    @Test
    void aChunkWhoseDeploymentFailsIsRetriedOnTheOther(@TempDir Path dir) {
        Path speech = ToneSpeech.write(dir.resolve("meeting.wav"), WORDS, WORD, PAUSE);
        try (Group group = Group.start(dir)) {
            FakeSpeechVendor failing = group.first();
            FakeSpeechVendor healthy = group.second();
            failing.failWhenHeard(ToneSpeech.word(10));

            var answer = group.post(speech);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"text\":\"" + ALL_WORDS + "\"");
            // The chunk holding w10 went to the first tier, failed there, and was answered by the second.
            assertThat(healthy.seen()).singleElement().satisfies(upload -> assertThat(ToneSpeech.text(
                    ToneSpeech.hear(upload.fileBytes()))).contains(ToneSpeech.word(10)));
            assertThat(answer.headers().get("x-voxgate-attempted-retries")).isEqualTo("1");
        }
    }

    @Test
    void aChunkThatFailsEverywhereFailsTheRequestNamingItsTimeRangeWithNoPartialBody(@TempDir Path dir)
            throws IOException {
        Path speech = ToneSpeech.write(dir.resolve("meeting.wav"), WORDS, WORD, PAUSE);
        try (Group group = Group.start(dir)) {
            FakeSpeechVendor first = group.first();
            FakeSpeechVendor second = group.second();
            first.failWhenHeard(ToneSpeech.word(10));
            second.failWhenHeard(ToneSpeech.word(10));

            var answer = group.post(speech, "response_format", "verbose_json");

            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.fieldNames()).toIterable().containsExactly("error");
            String message = error.at("/error/message").asText();
            Matcher range = Pattern.compile("^Chunk (\\d+) of (\\d+) \\(([\\d.]+) s to ([\\d.]+) s of the audio\\) "
                    + "failed, so no transcript is returned: ").matcher(message);
            assertThat(range.find()).as(message).isTrue();
            // w10 plays from 50 s to 53 s: the chunk named holds it.
            assertThat(Double.parseDouble(range.group(3))).isLessThanOrEqualTo(50);
            assertThat(Double.parseDouble(range.group(4))).isGreaterThanOrEqualTo(53);
            assertThat(message).contains("overloaded");
            assertThat(answer.body()).doesNotContain(ToneSpeech.word(0) + " ");
        }
    }

    @Test
    void aStreamOfAnUploadThatNeedsChunksIsRefusedBeforeAnyCall(@TempDir Path dir) throws IOException {
        Path speech = ToneSpeech.write(dir.resolve("meeting.wav"), WORDS, WORD, PAUSE);
        // gpt-4o-transcribe streams, so only the upload's size stands in the way.
        try (Group group = Group.start(dir, ONE_MEGABYTE_GROUP.replace("openai/whisper-1", "openai/gpt-4o-transcribe"))) {
            var answer = group.post(speech, "stream", "true");

            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(answer.body()).get("error");
            assertThat(error.get("param").asText()).isEqualTo("stream");
            assertThat(error.get("message").asText()).contains("in chunks").contains("send stream=false");
            assertThat(group.first().requestCount() + group.second().requestCount()).isZero();
        }
    }

    @Test
    void anMp3OfTheSameSpeechIsDecodedByFfmpegAndChunkedToo(@TempDir Path dir) throws Exception {
        Path wav = ToneSpeech.write(dir.resolve("meeting.wav"), WORDS, WORD, PAUSE);
        Path mp3 = dir.resolve("meeting.mp3");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-i", wav.toString(),
                "-codec:a", "libmp3lame", "-b:a", "128k", mp3.toString()).inheritIO().start();
        assertThat(ffmpeg.waitFor()).as("ffmpeg's exit status").isZero();
        assertThat(mp3.toFile().length()).isGreaterThan(1024 * 1024);
        try (Group group = Group.start(dir)) {
            FakeSpeechVendor first = group.first();
            FakeSpeechVendor second = group.second();
            var answer = group.post(mp3, "response_format", "verbose_json");

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(first.seen()).hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(upload -> assertThat(ToneSpeech.seconds(upload.fileBytes())).isPresent());
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.get("text").asText()).isEqualTo(ALL_WORDS);
            assertThat(body.at("/words/23/start").asDouble()).isCloseTo(23 * (WORD + PAUSE), within(0.1));
        }
    }

    @Test
    void theSdksOneCallTranscriptionChunksAFileOverOpenAisLimit(@TempDir Path dir) {
        // 15 minutes at 16 kHz are 28.8 MB, over whisper-1's 25 MiB.
        Path speech = ToneSpeech.write(dir.resolve("lecture.wav"), 180, WORD, PAUSE);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "unused").listening()) {
            TranscriptionOptions options = TranscriptionOptions.builder()
                    .environment(EnvironmentSource.of(Map.of("OPENAI_API_KEY", KEY,
                            "OPENAI_API_BASE", openAi.baseUrl())))
                    .request(request -> request.responseFormat(ResponseFormat.VERBOSE_JSON))
                    .build();

            Transcription transcription = Voxgate.transcription("openai/whisper-1", speech, options);

            assertThat(openAi.seen()).hasSize(2).allSatisfy(upload -> assertThat(upload.fileBytes().length)
                    .isLessThanOrEqualTo(25 * 1024 * 1024));
            assertThat(transcription.text()).isEqualTo(String.join(" ", IntStream.range(0, 180)
                    .mapToObj(k -> ToneSpeech.word(k % 40)).toList()));
            assertThat(transcription.words().get(179).start()).isCloseTo(179 * (WORD + PAUSE), within(0.05));
        }
    }

    /** The two listening vendors of the 1 MB group, and a proxy in front of them. */
    private record Group(FakeSpeechVendor first, FakeSpeechVendor second, RunningProxy proxy)
            implements AutoCloseable {

        static Group start(Path dir) {
            return start(dir, ONE_MEGABYTE_GROUP);
        }

        static Group start(Path dir, String yaml) {
            FakeSpeechVendor first = FakeSpeechVendor.openAi(KEY, "unused").listening();
            FakeSpeechVendor second = FakeSpeechVendor.openAi(KEY, "unused").listening();
            Path config = TestFiles.config(dir, "long.yaml", yaml);
            return new Group(first, second, RunningProxy.start(config, Map.of("OPENAI_API_KEY", KEY,
                    "FIRST_BASE", first.baseUrl(), "SECOND_BASE", second.baseUrl())));
        }

        /** {@code audio} posted to the group, with these fields besides the model. */
        ProxyClients.Answer post(Path audio, String... fields) {
            String[] all = new String[fields.length + 2];
            all[0] = "model";
            all[1] = "long";
            System.arraycopy(fields, 0, all, 2, fields.length);
            return postTranscription(proxy, "/v1/audio/transcriptions", null, audio, fields(all));
        }

        @Override
        public void close() {
            proxy.close();
            first.close();
            second.close();
        }
    }

    private static long millis(Matcher cue, int group) {
        return ((Long.parseLong(cue.group(group)) * 60 + Long.parseLong(cue.group(group + 1))) * 60
                + Long.parseLong(cue.group(group + 2))) * 1000 + Long.parseLong(cue.group(group + 3));
    }
}
