package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The response cache's key: the same request gives the same key, and every field that changes the answer changes it. */
class CacheKeyTest {

    private static final byte[] AUDIO = TestAudio.wav(4096, (byte) 7);

    @Test
    void theSameRequestGivesTheSameKeyWhateverTheFileIsCalled() throws IOException {
        CacheKey key = CacheKey.of(AudioTask.TRANSCRIBE, base().build());

        assertThat(CacheKey.of(AudioTask.TRANSCRIBE, base().build())).isEqualTo(key);
        assertThat(CacheKey.of(AudioTask.TRANSCRIBE, base().audio(AudioInput.of("other-name.wav", AUDIO.clone()))
                .build())).isEqualTo(key);
        assertThat(key.hex()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void theOrderOfGranularitiesAndOfVendorParametersDoesNotMatter() throws IOException {
        Map<String, ParamValue> reversed = new LinkedHashMap<>();
        reversed.put("smart_format", new ParamValue.Text("true"));
        reversed.put("punctuate", new ParamValue.Text("true"));

        assertThat(CacheKey.of(AudioTask.TRANSCRIBE, base().timestampGranularities(List.of(TimestampGranularity.SEGMENT,
                TimestampGranularity.WORD)).providerParams(reversed).build()))
                .isEqualTo(CacheKey.of(AudioTask.TRANSCRIBE, base().timestampGranularities(List.of(
                        TimestampGranularity.WORD, TimestampGranularity.SEGMENT)).providerParam("punctuate", "true")
                        .providerParam("smart_format", "true").build()));
    }

    @Test
    void translatingTheSameAudioIsAnotherKey() throws IOException {
        assertThat(CacheKey.of(AudioTask.TRANSLATE, base().build()))
                .isNotEqualTo(CacheKey.of(AudioTask.TRANSCRIBE, base().build()));
    }

    static Stream<Arguments> changes() {
        byte[] otherAudio = AUDIO.clone();
        otherAudio[AUDIO.length - 1] = 8;
        return Stream.of(
                change("model group", request -> request.model("whisper-fast")),
                change("audio bytes", request -> request.audio(AudioInput.of("speech.wav", otherAudio))),
                change("language", request -> request.language("de")),
                change("prompt", request -> request.prompt("Names: Zoë")),
                change("response format", request -> request.responseFormat(ResponseFormat.VERBOSE_JSON)),
                change("temperature", request -> request.temperature(0.3)),
                change("timestamp granularities", request -> request.timestampGranularities(List.of(
                        TimestampGranularity.SEGMENT))),
                change("a vendor parameter's value", request -> request.providerParam("diarize",
                        new ParamValue.Text("false"))),
                change("another vendor parameter", request -> request.providerParam("punctuate", "true")),
                change("a list parameter's order", request -> request.providerParam("keywords",
                        new ParamValue.Values(List.of("b", "a")))),
                change("a map parameter's entry", request -> request.providerParam("chunking_strategy",
                        new ParamValue.Fields(Map.of("type", "server_vad", "threshold", "0.6")))),
                // Length prefixes keep adjacent fields from running together.
                change("text moved between language and prompt", request -> request.language("ende").prompt("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void everyFieldThatChangesTheAnswerChangesTheKey(String field, UnaryOperator<TranscriptionRequest.Builder> change)
            throws IOException {
        CacheKey before = CacheKey.of(AudioTask.TRANSCRIBE, base().build());

        assertThat(CacheKey.of(AudioTask.TRANSCRIBE, change.apply(base()).build())).as(field).isNotEqualTo(before);
    }

    private static Arguments change(String field, UnaryOperator<TranscriptionRequest.Builder> change) {
        return Arguments.of(field, change);
    }

    private static TranscriptionRequest.Builder base() {
        return TranscriptionRequest.builder("whisper", AudioInput.of("speech.wav", AUDIO.clone()))
                .language("en").prompt("de")
                .responseFormat(ResponseFormat.JSON)
                .timestampGranularities(List.of(TimestampGranularity.WORD))
                .providerParam("diarize", "true")
                .providerParam("keywords", new ParamValue.Values(List.of("a", "b")))
                .providerParam("chunking_strategy", new ParamValue.Fields(Map.of("type", "server_vad",
                        "threshold", "0.5")));
    }
}
