package dev.voxgate.providers.openaicompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.providers.http.MalformedBodyException;
import java.util.Optional;
import okhttp3.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranscriptionReaderTest {

    private static final Optional<MediaType> JSON = Optional.of(MediaType.get("application/json"));

    @Test
    void diarizedSegmentsKeepTheirSpeakersAndAreNumberedByPosition() throws Exception {
        Transcription transcription = TranscriptionReader.read(ResponseFormat.DIARIZED_JSON, """
                {"task":"transcribe","duration":27.4,"text":"Agent: Thanks.\\nA: Hi.",
                 "segments":[
                   {"type":"transcript.text.segment","id":"seg_001","start":0.0,"end":4.7,
                    "text":"Thanks.","speaker":"agent"},
                   {"type":"transcript.text.segment","id":"seg_002","start":4.7,"end":6.0,"text":"Hi.","speaker":"A"}],
                 "usage":{"type":"duration","seconds":27}}""", JSON);

        assertThat(transcription.segments()).extracting(Transcription.Segment::id).containsExactly(0, 1);
        assertThat(transcription.segments()).extracting(segment -> segment.speaker().orElseThrow())
                .containsExactly("agent", "A");
        assertThat(transcription.durationSeconds()).contains(27.4);
    }

    @Test
    void tokenUsageIsMappedWithItsDetails() throws Exception {
        Transcription transcription = TranscriptionReader.read(ResponseFormat.JSON, """
                {"text":"Imagine","usage":{"type":"tokens","input_tokens":14,
                 "input_token_details":{"text_tokens":0,"audio_tokens":14},"output_tokens":45,"total_tokens":59}}""",
                JSON);

        assertThat(transcription.usage()).contains(
                new Usage.Tokens(14, 45, 59, Optional.of(14), Optional.of(0)));
    }

    @Test
    void usageOfAnUnknownTypeIsLeftOut() throws Exception {
        Transcription transcription = TranscriptionReader.read(ResponseFormat.JSON,
                "{\"text\":\"hi\",\"usage\":{\"type\":\"credits\",\"amount\":3}}", JSON);

        assertThat(transcription.usage()).isEmpty();
    }

    @Test
    void plainTextKeepsItsBodyVerbatimAndItsTextStripped() throws Exception {
        Transcription transcription = TranscriptionReader.read(ResponseFormat.TEXT, "Hello there.\n",
                Optional.of(MediaType.get("text/plain; charset=utf-8")));

        assertThat(transcription.text()).isEqualTo("Hello there.");
        assertThat(transcription.formattedBody()).contains("Hello there.\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "null",
        "[]",
        "{\"text\":\"a\"} trailing",
        "{\"text\":\"a\",\"segments\":[{\"id\":0,\"text\":\"no timing\"}]}",
        "{\"text\":\"a\",\"words\":[{\"word\":\"a\"}]}",
        "{\"text\":\"a\",\"segments\":[null]}",
        "{\"text\":{\"nested\":true}}"})
    void jsonInTheWrongShapeIsMalformed(String body) {
        assertThatThrownBy(() -> TranscriptionReader.read(ResponseFormat.VERBOSE_JSON, body, JSON))
                .isInstanceOf(MalformedBodyException.class);
    }
}
