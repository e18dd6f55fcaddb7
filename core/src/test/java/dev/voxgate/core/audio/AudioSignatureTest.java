package dev.voxgate.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    void contentIsRecognisedByItsFirstBytes() {
        byte[] flac = HexFormat.of().parseHex("664c6143" + "00000022" + "00".repeat(100));

        assertThat(AudioSignature.of(new AudioContent.InMemory(flac))).contains("flac");
        assertThat(AudioSignature.of(new AudioContent.InMemory("notes".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void contentThatCannotBeReadIsAFailureNotAVerdict() {
        AudioContent unreadable = new AudioContent.Lent(100, () -> {
            throw new IOException("gone");
        });

        assertThatThrownBy(() -> AudioSignature.of(unreadable)).isInstanceOf(UncheckedIOException.class);
    }
}
