package dev.voxgate.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptRendererTest {

    private final Transcription timed = new Transcription("Four score. And seven.", Optional.of("english"),
            Optional.of(5.92), List.of(Transcription.Segment.of(0, 0.0, 2.5, " Four score."),
                    Transcription.Segment.of(1, 2.5, 3725.25, " And seven.")),
            List.of(Transcription.Word.of("Four", 0.0, 0.4)),
            Optional.of(new Transcription.Usage.Duration(6)), Optional.empty());

    @Test
    void jsonHasTextAndUsageOnly() {
        RenderedTranscript rendered = TranscriptRenderer.render(timed, ResponseFormat.JSON);

        assertThat(rendered.contentType()).isEqualTo("application/json");
        assertThat(rendered.body())
                .isEqualTo("{\"text\":\"Four score. And seven.\",\"usage\":{\"type\":\"duration\",\"seconds\":6}}");
    }

    @Test
    void fractionalBilledSecondsStayFractional() {
        Transcription billed = new Transcription("hi", Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.of(new Transcription.Usage.Duration(5.92)), Optional.empty());

        assertThat(TranscriptRenderer.render(billed, ResponseFormat.JSON).body()).contains("\"seconds\":5.92");
    }

    @Test
    void verboseJsonCarriesLanguageDurationSegmentsAndWords() {
        String body = TranscriptRenderer.render(timed, ResponseFormat.VERBOSE_JSON).body();

        assertThat(body).startsWith("{\"task\":\"transcribe\",\"language\":\"english\",\"duration\":5.92,")
                .contains("\"segments\":[{\"id\":0,\"start\":0.0,\"end\":2.5,\"text\":\" Four score.\"}")
                .contains("\"words\":[{\"word\":\"Four\",\"start\":0.0,\"end\":0.4}]");
    }

    @Test
    void textIsPlainWithATrailingNewline() {
        RenderedTranscript rendered = TranscriptRenderer.render(timed, ResponseFormat.TEXT);

        assertThat(rendered.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(rendered.body()).isEqualTo("Four score. And seven.\n");
    }

    @Test
    void vendorsOwnSubtitleBodyIsPassedThroughUnchanged() {
        String vendorSrt = "1\n00:00:00,000 --> 00:00:05,920\nFour score\n\n";

        assertThat(TranscriptRenderer.render(Transcription.ofFormattedBody(vendorSrt), ResponseFormat.SRT).body())
                .isEqualTo(vendorSrt);
    }

    @Test
    void subtitlesAreBuiltFromSegmentsWhenTheVendorSentNone() {
        assertThat(TranscriptRenderer.render(timed, ResponseFormat.SRT).body()).isEqualTo(
                "1\n00:00:00,000 --> 00:00:02,500\nFour score.\n\n2\n00:00:02,500 --> 01:02:05,250\nAnd seven.\n\n");
        assertThat(TranscriptRenderer.render(timed, ResponseFormat.VTT).body()).isEqualTo(
                "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nFour score.\n\n00:00:02.500 --> 01:02:05.250\nAnd seven.\n\n");
    }

    @Test
    void subtitlesWithoutSegmentsAreRefusedNamingTheFormatsThatWork() {
        assertThatThrownBy(() -> TranscriptRenderer.render(Transcription.ofText("hi"), ResponseFormat.VTT))
                .isInstanceOfSatisfying(TranscriptionException.class, refused -> {
                    assertThat(refused.failure()).isInstanceOfSatisfying(TranscriptionFailure.InvalidRequest.class,
                            invalid -> assertThat(invalid.param()).contains("response_format"));
                    assertThat(refused.failure().message()).isEqualTo("This model returned no timed segments, so no "
                            + "vtt can be made from its answer; use json, text or verbose_json.");
                });
    }

    @Test
    void jsonCarriesTheAudioDurationAsUsageWhenTheVendorBilledNothing() {
        assertThat(TranscriptRenderer.render(measured(5.92, Optional.empty()), ResponseFormat.JSON).body())
                .isEqualTo("{\"text\":\"hi\",\"usage\":{\"type\":\"duration\",\"seconds\":5.92}}");
        assertThat(TranscriptRenderer.render(measured(6.0, Optional.empty()), ResponseFormat.JSON).body())
                .isEqualTo("{\"text\":\"hi\",\"usage\":{\"type\":\"duration\",\"seconds\":6}}");
    }

    @Test
    void verboseJsonCarriesTheAudioDurationBothAsDurationAndAsUsage() {
        assertThat(TranscriptRenderer.render(measured(5.92, Optional.empty()), ResponseFormat.VERBOSE_JSON).body())
                .isEqualTo("{\"task\":\"transcribe\",\"duration\":5.92,\"text\":\"hi\","
                        + "\"usage\":{\"type\":\"duration\",\"seconds\":5.92}}");
    }

    @Test
    void billedTokensKeepOpenAisShapeAndEndWithTheSecondsWhenTheDurationIsKnown() {
        Transcription.Usage tokens = new Transcription.Usage.Tokens(14, 45, 59, Optional.of(14), Optional.of(0));

        assertThat(TranscriptRenderer.render(measured(7.0, Optional.of(tokens)), ResponseFormat.JSON).body())
                .isEqualTo("{\"text\":\"hi\",\"usage\":{\"type\":\"tokens\",\"input_tokens\":14,"
                        + "\"input_token_details\":{\"text_tokens\":0,\"audio_tokens\":14},"
                        + "\"output_tokens\":45,\"total_tokens\":59,\"seconds\":7}}");
        assertThat(TranscriptRenderer.render(measured(7.5, Optional.of(tokens)), ResponseFormat.VERBOSE_JSON).body())
                .endsWith("\"total_tokens\":59,\"seconds\":7.5}}");
    }

    @Test
    void billedTokensStayAsOpenAiWritesThemWhenTheDurationIsUnknown() {
        Transcription billed = new Transcription("hi", Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.of(new Transcription.Usage.Tokens(1, 2, 3, Optional.empty(), Optional.empty())),
                Optional.empty());

        assertThat(TranscriptRenderer.render(billed, ResponseFormat.JSON).body()).isEqualTo("{\"text\":\"hi\","
                + "\"usage\":{\"type\":\"tokens\",\"input_tokens\":1,\"output_tokens\":2,\"total_tokens\":3}}");
    }

    @Test
    void billedSecondsWinOverTheVendorsDuration() {
        // timed: the vendor said 5.92 s long and billed 6 s; usage speaks of what was billed.
        assertThat(TranscriptRenderer.render(timed, ResponseFormat.VERBOSE_JSON).body())
                .endsWith("\"usage\":{\"type\":\"duration\",\"seconds\":6}}");
    }

    @Test
    void noUsageWhenNeitherDurationNorBillingIsKnown() {
        assertThat(TranscriptRenderer.render(Transcription.ofText("hi"), ResponseFormat.JSON).body())
                .isEqualTo("{\"text\":\"hi\"}");
        assertThat(TranscriptRenderer.render(Transcription.ofText("hi"), ResponseFormat.VERBOSE_JSON).body())
                .isEqualTo("{\"task\":\"transcribe\",\"text\":\"hi\"}");
    }

    @Test
    void detectedLanguagesFollowTheTextInJsonAndTheLanguageInVerboseJson() {
        Transcription detected = new Transcription("hola, hello", Optional.of("spanish"), Optional.empty(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), List.of("es", "en"));

        assertThat(TranscriptRenderer.render(detected, ResponseFormat.JSON).body())
                .isEqualTo("{\"text\":\"hola, hello\",\"languages\":[\"es\",\"en\"]}");
        assertThat(TranscriptRenderer.render(detected, ResponseFormat.VERBOSE_JSON).body())
                .isEqualTo("{\"task\":\"transcribe\",\"language\":\"spanish\",\"languages\":[\"es\",\"en\"],"
                        + "\"text\":\"hola, hello\"}");
    }

    @Test
    void streamedEventsAreOpenAisDeltaAndDoneWithWhatTheVendorBilled() {
        Transcription billed = new Transcription("a \"b\"", Optional.empty(), Optional.of(3.0), List.of(), List.of(),
                Optional.of(new Transcription.Usage.Duration(3)), Optional.empty());

        assertThat(TranscriptRenderer.deltaEvent("a \"b"))
                .isEqualTo("{\"type\":\"transcript.text.delta\",\"delta\":\"a \\\"b\"}");
        assertThat(TranscriptRenderer.doneEvent(billed)).isEqualTo("{\"type\":\"transcript.text.done\","
                + "\"text\":\"a \\\"b\\\"\",\"usage\":{\"type\":\"duration\",\"seconds\":3}}");
        assertThat(TranscriptRenderer.doneEvent(Transcription.ofText("x")))
                .isEqualTo("{\"type\":\"transcript.text.done\",\"text\":\"x\"}");
    }

    private static Transcription measured(double seconds, Optional<Transcription.Usage> usage) {
        return new Transcription("hi", Optional.empty(), Optional.of(seconds), List.of(), List.of(), usage,
                Optional.empty());
    }
}
