package dev.voxgate.local.internal.audio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The container an upload is in, told by its first bytes (its name can lie), and named for messages.
 */
public enum AudioKind {
    WAV("WAV"),
    MP3("MP3"),
    OGG("Ogg (Opus or Vorbis)"),
    FLAC("FLAC"),
    WEBM("WebM/Matroska"),
    MP4("MP4/M4A"),
    UNKNOWN("unrecognised");

    /** How many leading bytes {@link #sniff} looks at. */
    public static final int HEADER_BYTES = 12;

    private final String displayName;

    AudioKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether ffmpeg must be able to seek in it, so it reads the audio from a file rather than a pipe. */
    public boolean needsSeekableInput() {
        return this == MP4;
    }

    /** The kind whose signature starts {@code header} (up to {@link #HEADER_BYTES} bytes). */
    public static AudioKind sniff(byte[] header) {
        byte[] head = Arrays.copyOf(header, HEADER_BYTES);
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return WAV;
        }
        if (ascii(head, 0, "ID3") || ((head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
            return MP3;
        }
        if (ascii(head, 0, "OggS")) {
            return OGG;
        }
        if (ascii(head, 0, "fLaC")) {
            return FLAC;
        }
        if ((head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return WEBM;
        }
        return ascii(head, 4, "ftyp") ? MP4 : UNKNOWN;
    }

    private static boolean ascii(byte[] bytes, int offset, String expected) {
        byte[] wanted = expected.getBytes(StandardCharsets.US_ASCII);
        return Arrays.equals(bytes, offset, offset + wanted.length, wanted, 0, wanted.length);
    }
}
