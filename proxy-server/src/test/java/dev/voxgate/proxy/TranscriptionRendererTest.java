package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptionRendererTest {

    private final TranscriptionRenderer renderer = new TranscriptionRenderer(new ObjectMapper());

    private final Transcription timed = new Transcription("Four score. And seven.", Optional.of("english"),
            Optional.of(5.92), List.of(Transcription.Segment.of(0, 0.0, 2.5, " Four score."),
                    Transcription.Segment.of(1, 2.5, 3725.25, " And seven.")),
            List.of(Transcription.Word.of("Four", 0.0, 0.4)),
            Optional.of(new Transcription.Usage.Duration(6)), Optional.empty());

    @Test
    void jsonHasTextAndUsageOnly() {
        RenderedTranscription rendered = renderer.render(timed, ResponseFormat.JSON);

        assertThat(rendered.contentType()).isEqualTo("application/json");
        assertThat(rendered.body())
                .isEqualTo("{\"text\":\"Four score. And seven.\",\"usage\":{\"type\":\"duration\",\"seconds\":6}}");
    }

    @Test
    void fractionalBilledSecondsStayFractional() {
        Transcription billed = new Transcription("hi", Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.of(new Transcription.Usage.Duration(5.92)), Optional.empty());

        assertThat(renderer.render(billed, ResponseFormat.JSON).body()).contains("\"seconds\":5.92");
    }

    @Test
    void verboseJsonCarriesLanguageDurationSegmentsAndWords() {
        String body = renderer.render(timed, ResponseFormat.VERBOSE_JSON).body();

        assertThat(body).startsWith("{\"task\":\"transcribe\",\"language\":\"english\",\"duration\":5.92,")
                .contains("\"segments\":[{\"id\":0,\"start\":0.0,\"end\":2.5,\"text\":\" Four score.\"}")
                .contains("\"words\":[{\"word\":\"Four\",\"start\":0.0,\"end\":0.4}]");
    }

    @Test
    void textIsPlainWithATrailingNewline() {
        RenderedTranscription rendered = renderer.render(timed, ResponseFormat.TEXT);

        assertThat(rendered.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(rendered.body()).isEqualTo("Four score. And seven.\n");
    }

    @Test
    void vendorsOwnSubtitleBodyIsPassedThroughUnchanged() {
        String vendorSrt = "1\n00:00:00,000 --> 00:00:05,920\nFour score\n\n";

        assertThat(renderer.render(Transcription.ofFormattedBody(vendorSrt), ResponseFormat.SRT).body())
                .isEqualTo(vendorSrt);
    }

    @Test
    void subtitlesAreBuiltFromSegmentsWhenTheVendorSentNone() {
        assertThat(renderer.render(timed, ResponseFormat.SRT).body()).isEqualTo(
                "1\n00:00:00,000 --> 00:00:02,500\nFour score.\n\n2\n00:00:02,500 --> 01:02:05,250\nAnd seven.\n\n");
        assertThat(renderer.render(timed, ResponseFormat.VTT).body()).isEqualTo(
                "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nFour score.\n\n00:00:02.500 --> 01:02:05.250\nAnd seven.\n\n");
    }

    @Test
    void subtitlesWithoutSegmentsAreRefusedNamingTheFormatsThatWork() {
        assertThatThrownBy(() -> renderer.render(Transcription.ofText("hi"), ResponseFormat.VTT))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.error().status()).isEqualTo(400);
                    assertThat(rejected.error().message()).contains("no vtt").contains("use json, text or verbose_json");
                });
    }
}
