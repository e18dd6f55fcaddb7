package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.voxgate.core.model.AudioInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random field maps through the form parser: each is either a request or a 400 that names a field or
 * says what is wrong, never another exception. Seeded, so a failure names the case that reproduces it; set
 * {@code -Dvoxgate.fuzz.seed=N} to explore other seeds.
 */
class FormParserFuzzTest {

    private static final long SEED = Long.getLong("voxgate.fuzz.seed", 20_261_125L);
    private static final int CASES = 3_000;
    private static final AudioInput AUDIO = AudioInput.of("speech.wav", TestAudio.wav(16, (byte) 0));

    @Test
    void randomFieldsAreParsedOrRefusedWith400NeverAnythingElse() {
        for (int i = 0; i < CASES; i++) {
            RandomForms forms = new RandomForms(SEED + i);
            Map<String, List<String>> fields = forms.fields();
            boolean allowCredentials = forms.nextInt(2) == 0;
            try {
                TranscriptionForm form = TranscriptionForm.parse(fields, AUDIO, allowCredentials);
                assertThat(form.request().model()).as("case seed %d", SEED + i).isNotBlank();
            } catch (RequestRejected rejected) {
                assertThat(rejected.error().status()).as("case seed %d", SEED + i).isEqualTo(400);
                assertThat(rejected.error().message()).as("case seed %d", SEED + i).isNotBlank();
            } catch (RuntimeException e) {
                fail("case seed " + (SEED + i) + " with fields " + fields.keySet() + " threw " + e, e);
            }
        }
    }
}
