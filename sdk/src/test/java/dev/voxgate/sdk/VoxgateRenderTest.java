package dev.voxgate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.render.TranscriptRenderer;
import java.io.IOException;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An SDK user renders what a fake OpenAI answered and gets the bodies the proxy sends for it: the proxy renders with
 * the same {@link TranscriptRenderer} (proxy-server's {@code SdkRenderedAnswersTest} compares the bytes over HTTP).
 */
class VoxgateRenderTest {

    private static final String VERBOSE_ANSWER = "{\"task\":\"transcribe\",\"language\":\"english\",\"duration\":3.5,"
            + "\"text\":\"Grüße, \\\"world\\\".\",\"segments\":[{\"id\":0,\"start\":0.0,\"end\":1.25,"
            + "\"text\":\" Grüße,\"},{\"id\":1,\"start\":1.25,\"end\":3.5,\"text\":\" \\\"world\\\".\"}]}";

    private MockWebServer openAi;
    private Transcription heard;

    @BeforeEach
    void transcribeWithAFakeOpenAi() throws IOException {
        openAi = new MockWebServer();
        openAi.start();
        openAi.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body(VERBOSE_ANSWER).build());
        heard = Voxgate.transcription("openai/whisper-1", AudioInput.of("a.wav", new byte[] {1, 2, 3}),
                TranscriptionOptions.builder().apiKey("sk-test").apiBase(openAi.url("/v1").toString())
                        .request(request -> request.responseFormat(ResponseFormat.VERBOSE_JSON))
                        .call(call -> call.numRetries(0))
                        .environment(EnvironmentSource.of(Map.of())).build());
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void subtitlesAreBuiltFromTheVendorsSegments() {
        assertThat(Voxgate.render(heard, ResponseFormat.SRT).body())
                .isEqualTo("1\n00:00:00,000 --> 00:00:01,250\nGrüße,\n\n2\n00:00:01,250 --> 00:00:03,500\n\"world\".\n\n");
        assertThat(Voxgate.render(heard, ResponseFormat.VTT).body())
                .isEqualTo("WEBVTT\n\n00:00:00.000 --> 00:00:01.250\nGrüße,\n\n00:00:01.250 --> 00:00:03.500\n"
                        + "\"world\".\n\n");
    }

    @Test
    void jsonIsOpenAisWithTheAudioDurationAsUsage() {
        assertThat(Voxgate.render(heard, ResponseFormat.JSON).body()).isEqualTo(
                "{\"text\":\"Grüße, \\\"world\\\".\",\"usage\":{\"type\":\"duration\",\"seconds\":3.5}}");
        assertThat(Voxgate.render(heard, ResponseFormat.JSON).contentType()).isEqualTo("application/json");
    }

    @Test
    void textIsTheTranscriptOnALineOfItsOwn() {
        assertThat(Voxgate.render(heard, ResponseFormat.TEXT).body()).isEqualTo("Grüße, \"world\".\n");
        assertThat(Voxgate.render(heard, ResponseFormat.TEXT).contentType()).startsWith("text/plain");
    }

    @Test
    void subtitlesOfATranscriptWithoutSegmentsAreRefusedOnResponseFormat() {
        assertThatThrownBy(() -> Voxgate.render(Transcription.ofText("no timing"), ResponseFormat.SRT))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> assertThat(e.failure())
                        .isInstanceOfSatisfying(InvalidRequest.class,
                                invalid -> assertThat(invalid.param()).contains("response_format")));
    }

    @Test
    void everyFormatIsWhatTheProxysRendererWrites() {
        for (ResponseFormat format : ResponseFormat.values()) {
            assertThat(Voxgate.render(heard, format)).as(format.wireName())
                    .isEqualTo(TranscriptRenderer.render(heard, format));
        }
    }
}
