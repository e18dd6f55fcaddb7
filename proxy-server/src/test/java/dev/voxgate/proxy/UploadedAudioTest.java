package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.model.AudioContent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadedAudioTest {

    @Test
    void uploadThatIsNotAudioIsRefusedNamingTheFileAndTheFormatsThatWork() {
        AudioContent text = new AudioContent.InMemory("just some notes".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> UploadedAudio.requireAudio(text, "notes.mp3"))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.error().status()).isEqualTo(400);
                    assertThat(rejected.error().param()).contains("file");
                    assertThat(rejected.error().message()).contains("'notes.mp3' is not audio")
                            .contains("WAV, MP3, FLAC");
                });
    }

    @Test
    void audioUploadPasses() {
        assertThatCode(() -> UploadedAudio.requireAudio(new AudioContent.InMemory(TestAudio.wav(64, (byte) 0)),
                "a.wav")).doesNotThrowAnyException();
    }
}
