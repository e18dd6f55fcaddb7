package dev.voxgate.local;

import static dev.voxgate.local.LocalDeployments.clip;
import static dev.voxgate.local.LocalDeployments.transcribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.TranscriptionRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Non-WAV audio: through ffmpeg when it is installed (CI installs it), refused with advice when it is not. The
 * tests that need a real ffmpeg are skipped on a machine without one.
 */
class FfmpegAudioTest {

    private static final TranscriptionPort LOCAL = LocalDeployments.bundled();

    @Test
    void mp3IsTranscribedThroughFfmpegFromMemoryAndFromDisk() throws IOException {
        assumeTrue(ffmpegInstalled(), "ffmpeg is not on the PATH");
        Path mp3 = clip("quick-brown-fox.mp3");

        String fromDisk = transcribe(LOCAL, mp3).text();
        String fromMemory = LOCAL.transcribe(TranscriptionRequest.builder("local",
                AudioInput.of("fox.mp3", Files.readAllBytes(mp3))).build()).text();

        assertThat(fromDisk).isEqualTo(LocalEngineTest.FOX);
        assertThat(fromMemory).isEqualTo(LocalEngineTest.FOX);
    }

    @Test
    void m4aHeldInMemoryGoesThroughATempFileThatIsDeletedAfterwards() throws IOException {
        assumeTrue(ffmpegInstalled(), "ffmpeg is not on the PATH");
        byte[] m4a = Files.readAllBytes(clip("quick-brown-fox.m4a"));
        List<Path> before = ffmpegTempFiles();

        String text = LOCAL.transcribe(TranscriptionRequest.builder("local", AudioInput.of("fox.m4a", m4a)).build())
                .text();

        assertThat(text).isEqualTo(LocalEngineTest.FOX);
        assertThat(ffmpegTempFiles()).isEqualTo(before);
    }

    @Test
    void audioFfmpegCannotDecodeIsRefusedWithItsReason() {
        assumeTrue(ffmpegInstalled(), "ffmpeg is not on the PATH");
        AudioInput garbage = AudioInput.of("noise.mp3", "ID3 but then nothing that decodes".getBytes());

        assertRefused(LOCAL, garbage, "'noise.mp3' cannot be read: ffmpeg could not decode it");
    }

    @Test
    void aPlaylistPointingAtAnotherFileIsNotFollowed() {
        assumeTrue(ffmpegInstalled(), "ffmpeg is not on the PATH");
        String playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile://"
                + clip("quick-brown-fox.wav").toAbsolutePath() + "\n#EXT-X-ENDLIST\n";
        AudioInput upload = AudioInput.of("speech.m3u8", playlist.getBytes());

        assertRefused(LOCAL, upload, "ffmpeg could not decode it");
    }

    @Test
    void withoutFfmpegAnMp3IsRefusedNamingTheFormatAndTheFix() {
        TranscriptionPort noFfmpeg = LocalDeployments.port(LocalDeployments.deployment("vosk-en")
                .param("ffmpeg_path", "/nonexistent/ffmpeg").build());

        assertRefused(noFfmpeg, AudioInput.of(clip("quick-brown-fox.mp3")), "is MP3 audio", "Install ffmpeg",
                "or send WAV");
    }

    private static void assertRefused(TranscriptionPort port, AudioInput audio, String... phrases) {
        assertThatThrownBy(() -> port.transcribe(TranscriptionRequest.builder("local", audio).build()))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(InvalidRequest.class);
                    assertThat(e.getMessage()).contains(phrases);
                });
    }

    private static boolean ffmpegInstalled() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "ffmpeg")));
    }

    private static List<Path> ffmpegTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("voxgate-ffmpeg-")).sorted().toList();
        }
    }
}
