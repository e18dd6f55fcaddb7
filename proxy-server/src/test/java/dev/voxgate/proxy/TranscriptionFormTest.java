package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TimestampGranularity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranscriptionFormTest {

    private static final AudioInput AUDIO = AudioInput.of("speech.wav", new byte[] {1, 2, 3});

    @Test
    void onlyModelGivenMeansJsonAndNoOptions() {
        TranscriptionForm form = parse(Map.of("model", List.of("whisper")));

        assertThat(form.request().model()).isEqualTo("whisper");
        assertThat(form.request().responseFormat()).isEqualTo(ResponseFormat.JSON);
        assertThat(form.request().temperature()).isEmpty();
        assertThat(form.options().fallbacks()).isEmpty();
        assertThat(form.options().mockTestingFallbacks()).isFalse();
    }

    @Test
    void openAiFieldsAreTyped() {
        TranscriptionForm form = parse(Map.of("model", List.of("whisper"), "language", List.of("en"),
                "prompt", List.of("Gettysburg"), "response_format", List.of("verbose_json"),
                "temperature", List.of("0.2"), "timestamp_granularities[]", List.of("word", "segment")));

        assertThat(form.request().language()).contains("en");
        assertThat(form.request().prompt()).contains("Gettysburg");
        assertThat(form.request().responseFormat()).isEqualTo(ResponseFormat.VERBOSE_JSON);
        assertThat(form.request().temperature()).contains(0.2);
        assertThat(form.request().timestampGranularities())
                .containsExactly(TimestampGranularity.WORD, TimestampGranularity.SEGMENT);
    }

    @Test
    void arraysAreAcceptedWithAndWithoutBrackets() {
        TranscriptionForm form = parse(Map.of("model", List.of("whisper"),
                "timestamp_granularities", List.of("segment"), "fallbacks[]", List.of("backup-a"),
                "fallbacks", List.of("backup-b")));

        assertThat(form.request().timestampGranularities()).containsExactly(TimestampGranularity.SEGMENT);
        assertThat(form.options().fallbacks()).contains(List.of("backup-a", "backup-b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE", "1", "yes"})
    void mockTestingFallbacksAcceptsTheUsualSpellingsOfTrue(String value) {
        assertThat(parse(Map.of("model", List.of("w"), "mock_testing_fallbacks", List.of(value))).options()
                .mockTestingFallbacks()).isTrue();
    }

    @Test
    void mockTestingFallbacksFalseAndNonsenseAreTold() {
        assertThat(parse(Map.of("model", List.of("w"), "mock_testing_fallbacks", List.of("False"))).options()
                .mockTestingFallbacks()).isFalse();
        assertRejected(Map.of("model", List.of("w"), "mock_testing_fallbacks", List.of("maybe")),
                "mock_testing_fallbacks", "must be true or false");
    }

    @Test
    void missingOrBlankModelIsRejectedNamingTheField() {
        assertRejected(Map.of(), "model", "Missing 'model'");
        assertRejected(Map.of("model", List.of("  ")), "model", "Missing 'model'");
        assertRejected(Map.of("model", List.of("a", "b")), "model", "sent 2 times");
    }

    @Test
    void badValuesAreRejectedNamingTheFieldAndTheChoices() {
        assertRejected(Map.of("model", List.of("w"), "response_format", List.of("docx")), "response_format",
                "json, text, srt, vtt, verbose_json");
        assertRejected(Map.of("model", List.of("w"), "temperature", List.of("warm")), "temperature",
                "between 0 and 1, got 'warm'");
        assertRejected(Map.of("model", List.of("w"), "temperature", List.of("1.5")), "temperature", "between 0 and 1");
        assertRejected(Map.of("model", List.of("w"), "timestamp_granularities[]", List.of("char")),
                "timestamp_granularities[]", "word or segment");
        assertRejected(Map.of("model", List.of("w"), "stream", List.of("true"), "response_format", List.of("srt")),
                "response_format", "use response_format json or text");
    }

    @Test
    void streamIsAskedForWithTrue() {
        assertThat(parse(Map.of("model", List.of("w"), "stream", List.of("True"))).stream()).isTrue();
        assertThat(parse(Map.of("model", List.of("w"))).stream()).isFalse();
    }

    @Test
    void translationTakesNoLanguageGranularitiesOrStreamAndSaysWhy() {
        for (String field : List.of("language", "timestamp_granularities[]", "stream")) {
            assertThatThrownBy(() -> TranscriptionForm.parseTranslation(
                    Map.of("model", List.of("w"), field, List.of("true")), AUDIO, false))
                    .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                        assertThat(rejected.error().param()).contains(field.replace("[]", ""));
                        assertThat(rejected.error().message()).contains("into English text");
                    });
        }
        TranscriptionForm translation = TranscriptionForm.parseTranslation(
                Map.of("model", List.of("w"), "prompt", List.of("Lincoln")), AUDIO, false);
        assertThat(translation.request().prompt()).contains("Lincoln");
        assertThat(translation.stream()).isFalse();
    }

    @Test
    void clientsCannotSetDeploymentCredentials() {
        assertRejected(Map.of("model", List.of("w"), "api_base", List.of("http://169.254.169.254")), "api_base",
                "cannot be set by a client");
        assertRejected(Map.of("model", List.of("w"), "api_key", List.of("sk-x")), "api_key",
                "cannot be set by a client");
    }

    @Test
    void unknownFieldsTravelToTheProviderAndBookkeepingFieldsDoNot() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("model", List.of("w"));
        fields.put("diarize", List.of("true"));
        fields.put("metadata", List.of("{\"tags\":[\"a\"]}"));
        fields.put("user", List.of("u-1"));

        assertThat(parse(fields).request().providerParams())
                .containsExactly(Map.entry("diarize", ParamValue.text("true")));
    }

    @Test
    void repeatedAndBracketedFieldsBecomeListsAndMaps() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("model", List.of("w"));
        fields.put("keywords[]", List.of("Voxgate", "Deepgram", "Kubernetes"));
        fields.put("keyterm", List.of("one", "two"));
        fields.put("chunking_strategy[type]", List.of("server_vad"));
        fields.put("chunking_strategy[threshold]", List.of("0.5"));
        fields.put("smart_format", List.of("true"));

        assertThat(parse(fields).request().providerParams()).containsExactly(
                Map.entry("keywords", ParamValue.values(List.of("Voxgate", "Deepgram", "Kubernetes"))),
                Map.entry("keyterm", ParamValue.values(List.of("one", "two"))),
                Map.entry("chunking_strategy", ParamValue.fields(Map.of("type", "server_vad", "threshold", "0.5"))),
                Map.entry("smart_format", ParamValue.text("true")));
    }

    @Test
    void aParameterSentBothAsAMapAndAsAValueIsRefused() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("model", List.of("w"));
        fields.put("chunking_strategy", List.of("auto"));
        fields.put("chunking_strategy[type]", List.of("server_vad"));

        assertRejected(fields, "chunking_strategy", "use one form");
    }

    private static TranscriptionForm parse(Map<String, List<String>> fields) {
        return TranscriptionForm.parse(fields, AUDIO, false);
    }

    private static void assertRejected(Map<String, List<String>> fields, String param, String messagePart) {
        RejectionAssert.assertRejected(() -> parse(fields), param, messagePart);
    }
}
