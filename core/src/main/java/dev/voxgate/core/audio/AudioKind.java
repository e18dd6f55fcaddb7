package dev.voxgate.core.audio;

/**
 * The container an upload is in, told by its first bytes (its name can lie), and named for messages.
 */
enum AudioKind {
    WAV("WAV"),
    MP3("MP3"),
    OGG("Ogg (Opus or Vorbis)"),
    FLAC("FLAC"),
    WEBM("WebM/Matroska"),
    MP4("MP4/M4A"),
    UNKNOWN("unrecognised");

    /** How many leading bytes {@link #sniff} looks at. */
    static final int HEADER_BYTES = 12;

    private final String displayName;

    AudioKind(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    /** Whether ffmpeg must be able to seek in it, so it reads the audio from a file rather than a pipe. */
    boolean needsSeekableInput() {
        return this == MP4;
    }

    /** The kind whose signature starts {@code header} (up to {@link #HEADER_BYTES} bytes). */
    static AudioKind sniff(byte[] header) {
        return AudioSignature.of(header).map(name -> switch (name) {
            // RF64 is WAV to a header reader, but only ffmpeg decodes it.
            case "wav" -> header.length >= 4 && header[0] == 'R' && header[1] == 'I' ? WAV : UNKNOWN;
            case "mp3" -> MP3;
            case "ogg" -> OGG;
            case "flac" -> FLAC;
            case "webm" -> WEBM;
            case "mp4" -> MP4;
            default -> UNKNOWN;
        }).orElse(UNKNOWN);
    }
}
