package dev.voxgate.core.audio;

import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises audio by its first bytes: the containers OpenAI accepts (WAV, MP3, FLAC, OGG, MP4/M4A, WebM, MPEG) and
 * what else vendors take (AIFF, AMR, raw AAC). The name is one of {@code wav}, {@code mp3} (MPEG audio frames,
 * ADTS AAC included), {@code flac}, {@code ogg}, {@code mp4}, {@code webm}, {@code mpeg}, {@code aiff} and
 * {@code amr}.
 *
 * <p>Stateless and thread-safe.
 */
public final class AudioSignature {

    /** The recognised containers, worded for a message that tells a client what works. */
    public static final String KNOWN = "WAV, MP3, FLAC, OGG/Opus, MP4/M4A, WebM, MPEG, AIFF or AMR";
    private static final int HEAD = 12;

    private AudioSignature() {
    }

    /** The container the bytes start with, if it is an audio one. */
    public static Optional<String> of(byte[] head) {
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE") || startsWith(head, 0, "RF64")) {
            return Optional.of("wav");
        }
        if (startsWith(head, 0, "ID3") || isMpegAudioFrame(head)) {
            return Optional.of("mp3");
        }
        if (startsWith(head, 0, "fLaC")) {
            return Optional.of("flac");
        }
        if (startsWith(head, 0, "OggS")) {
            return Optional.of("ogg");
        }
        if (startsWith(head, 4, "ftyp")) {
            return Optional.of("mp4");
        }
        if (startsWith(head, 0, new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})) {
            return Optional.of("webm");
        }
        if (startsWith(head, 0, new byte[] {0, 0, 1, (byte) 0xBA})) {
            return Optional.of("mpeg");
        }
        if (startsWith(head, 0, "FORM") && (startsWith(head, 8, "AIFF") || startsWith(head, 8, "AIFC"))) {
            return Optional.of("aiff");
        }
        return startsWith(head, 0, "#!AMR") ? Optional.of("amr") : Optional.empty();
    }

    /**
     * The container {@code content} starts with, if it is an audio one; reads its first few bytes only.
     *
     * @throws UncheckedIOException if the content cannot be read, which says nothing about whether it is audio
     */
    public static Optional<String> of(AudioContent content) {
        try (InputStream in = content.open()) {
            return of(in.readNBytes(HEAD));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the audio", e);
        }
    }

    // MPEG audio frames (MP3, MP2) and ADTS AAC frames both open with 11 set sync bits.
    private static boolean isMpegAudioFrame(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0;
    }

    private static boolean startsWith(byte[] head, int offset, String ascii) {
        return startsWith(head, offset, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, int offset, byte[] prefix) {
        return head.length >= offset + prefix.length
                && Arrays.equals(head, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
