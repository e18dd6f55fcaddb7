package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.model.AudioInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The form's limits on what a caller may send: field sizes, JSON fields, names that reach logs. */
class FormChecksTest {

    private static final AudioInput AUDIO = AudioInput.of("speech.wav", TestAudio.wav(16, (byte) 0));

    @Test
    void hugeFieldIsRefusedNamingIt() {
        String huge = "x".repeat(FormFields.MAX_VALUE_LENGTH + 1);

        assertRejected(Map.of("model", List.of("w"), "prompt", List.of(huge)), "prompt", "at most 65536");
        assertRejected(Map.of("model", List.of("w"), "diarize[]", List.of(huge)), "diarize", "'diarize' is 65537");
    }

    @Test
    void fieldAtTheLimitIsAccepted() {
        String prompt = "y".repeat(FormFields.MAX_VALUE_LENGTH);

        assertThat(parse(Map.of("model", List.of("w"), "prompt", List.of(prompt))).request().prompt())
                .contains(prompt);
    }

    @Test
    void hugeFieldNameIsRefusedWithoutRepeatingIt() {
        String name = "n".repeat(1_000);

        assertThatThrownBy(() -> parse(Map.of("model", List.of("w"), name, List.of("1"))))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> assertThat(rejected.error().message())
                        .contains("1000 characters").doesNotContain(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"tags\": [", "tags=a", "{\"a\":1} trailing", "{'single':'quotes'}"})
    void metadataThatIsNotJsonIsRefusedNamingIt(String metadata) {
        assertRejected(Map.of("model", List.of("w"), "metadata", List.of(metadata)), "metadata", "is not valid JSON");
    }

    @Test
    void metadataThatIsJsonButNotAnObjectIsRefused() {
        assertRejected(Map.of("model", List.of("w"), "metadata", List.of("[1, 2]")), "metadata",
                "must be a JSON object");
        assertRejected(Map.of("model", List.of("w"), "litellm_metadata", List.of("\"x\"")), "litellm_metadata",
                "not string");
    }

    @Test
    void metadataObjectIsAcceptedAndNotSentToTheProvider() {
        TranscriptionForm form = parse(Map.of("model", List.of("w"), "metadata",
                List.of("{\"tags\": [\"batch-7\"], \"user\": {\"id\": 3}}")));

        assertThat(form.request().providerParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"whis\u0000per", "whisper\nINFO forged log line", "whi\rsper", "red\u001b[0m"})
    void modelWithControlCharactersIsRefused(String model) {
        assertRejected(Map.of("model", List.of(model)), "model", "control characters");
    }

    @Test
    void fallbackWithControlCharactersIsRefused() {
        assertRejected(Map.of("model", List.of("w"), "fallbacks[]", List.of("backup\nforged")), "fallbacks",
                "control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "whisper%2F..%2Fadmin", "группа", "a/b/c"})
    void modelNamesWithPathTricksAreOnlyNamesAndReachTheRouterAsSent(String model) {
        assertThat(parse(Map.of("model", List.of(model))).request().model()).isEqualTo(model);
    }

    private static TranscriptionForm parse(Map<String, List<String>> fields) {
        return TranscriptionForm.parse(fields, AUDIO, false);
    }

    private static void assertRejected(Map<String, List<String>> fields, String param, String messagePart) {
        RejectionAssert.assertRejected(() -> parse(fields), param, messagePart);
    }
}
