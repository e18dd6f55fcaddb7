package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.model.AudioContent;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioSignatureTest {

    static Stream<Arguments> audioHeads() {
        return Stream.of(
                Arguments.of("52494646" + "24080000" + "57415645", "wav"),
                Arguments.of("52463634" + "ffffffff" + "57415645", "wav"),
                Arguments.of("494433" + "040000000000", "mp3"),
                Arguments.of("fffb9064" + "0000", "mp3"),
                Arguments.of("fff15080", "mp3"),
                Arguments.of("664c6143" + "00000022", "flac"),
                Arguments.of("4f676753" + "0002", "ogg"),
                Arguments.of("00000020" + "66747970" + "4d344120", "mp4"),
                Arguments.of("1a45dfa3" + "9f4286", "webm"),
                Arguments.of("000001ba" + "44000400", "mpeg"),
                Arguments.of("464f524d" + "00000000" + "41494646", "aiff"),
                Arguments.of("2321414d520a", "amr"));
    }

    @ParameterizedTest
    @MethodSource("audioHeads")
    void everyKnownContainerIsRecognisedByItsFirstBytes(String hex, String format) {
        assertThat(AudioSignature.of(HexFormat.of().parseHex(hex))).contains(format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello, this is not audio", "%PDF-1.7 ...", "PK\u0003\u0004zip", "{\"text\":\"x\"}",
            "RIFF....AVI ", "<html>", "GIF89a"})
    void documentsArchivesAndTextAreNotAudio(String text) {
        assertThat(AudioSignature.of(text.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }

    @Test
    void bytesTooShortForAnySignatureAreNotAudio() {
        assertThat(AudioSignature.of(new byte[0])).isEmpty();
        assertThat(AudioSignature.of(new byte[] {(byte) 0xFF})).isEmpty();
        assertThat(AudioSignature.of("RIFF".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AudioSignature.of(new byte[12])).isEmpty();
    }

    @Test
    void uploadThatIsNotAudioIsRefusedNamingTheFileAndTheFormatsThatWork() {
        AudioContent text = new AudioContent.InMemory("just some notes".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AudioSignature.require(text, "notes.mp3"))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.error().status()).isEqualTo(400);
                    assertThat(rejected.error().param()).contains("file");
                    assertThat(rejected.error().message()).contains("'notes.mp3' is not audio")
                            .contains("WAV, MP3, FLAC");
                });
    }

    @Test
    void audioUploadPasses() {
        assertThatCode(() -> AudioSignature.require(new AudioContent.InMemory(TestAudio.wav(64, (byte) 0)), "a.wav"))
                .doesNotThrowAnyException();
    }
}
