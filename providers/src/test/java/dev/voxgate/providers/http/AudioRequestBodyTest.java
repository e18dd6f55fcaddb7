package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.model.AudioContent;
import dev.voxgate.core.model.AudioInput;
import java.nio.file.Files;
import java.nio.file.Path;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioRequestBodyTest {

    private static final byte[] BYTES = {0, 1, 2, (byte) 0xFF, 'R', 'I', 'F', 'F'};

    @Test
    void onDiskAudioIsStreamedAgainOnEveryWrite(@TempDir Path directory) throws Exception {
        AudioInput audio = AudioInput.of(Files.write(directory.resolve("a.flac"), BYTES));
        AudioRequestBody body = new AudioRequestBody(audio);

        Buffer first = new Buffer();
        Buffer second = new Buffer();
        body.writeTo(first);
        body.writeTo(second);

        assertThat(first.readByteArray()).isEqualTo(BYTES);
        assertThat(second.readByteArray()).isEqualTo(BYTES);
        assertThat(body.isOneShot()).isFalse();
        assertThat(body.contentLength()).isEqualTo(BYTES.length);
        assertThat(body.contentType()).hasToString("audio/flac");
    }

    @Test
    void unparseableContentTypeIsSentAsOctetStream() {
        AudioInput audio = new AudioInput("a.wav", "not a type", new AudioContent.InMemory(BYTES));

        assertThat(new AudioRequestBody(audio).contentType()).hasToString("application/octet-stream");
    }

    @Test
    void vanishedFileIsReportedAsUnreadableAudio(@TempDir Path directory) {
        AudioInput audio = new AudioInput("gone.wav", null, new AudioContent.OnDisk(directory.resolve("gone"), 8));

        assertThatThrownBy(() -> new AudioRequestBody(audio).writeTo(new Buffer()))
                .isInstanceOf(AudioUnreadableException.class);
    }

    @Test
    void fileShorterThanAnnouncedIsReportedAsUnreadableAudio(@TempDir Path directory) throws Exception {
        Path file = Files.write(directory.resolve("short.wav"), BYTES);
        AudioInput audio = new AudioInput("short.wav", null, new AudioContent.OnDisk(file, 100));

        assertThatThrownBy(() -> new AudioRequestBody(audio).writeTo(new Buffer()))
                .isInstanceOf(AudioUnreadableException.class)
                .hasMessageContaining("100");
    }
}
