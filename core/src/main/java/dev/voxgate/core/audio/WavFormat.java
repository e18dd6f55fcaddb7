package dev.voxgate.core.audio;

import java.util.OptionalLong;

/**
 * What a WAV file's {@code fmt } chunk says, and how long its {@code data} chunk is.
 *
 * @param formatTag     the WAVE format code (1 PCM, 3 IEEE float, 0xFFFE extensible resolved to its sub-format)
 * @param channels      interleaved channels per frame
 * @param sampleRate    frames per second
 * @param bitsPerSample bits of one sample of one channel
 * @param blockAlign    bytes per frame
 * @param dataBytes     the data chunk's length; empty when the writer left it open (streamed WAVs)
 */
record WavFormat(int formatTag, int channels, int sampleRate, int bitsPerSample, int blockAlign,
                        OptionalLong dataBytes) {

    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    static final int EXTENSIBLE = 0xFFFE;

    /** Whether Java reads these samples here: integer PCM of 8, 16, 24 or 32 bits, or 32-bit float. */
    boolean readable() {
        boolean integer = formatTag == PCM
                && (bitsPerSample == 8 || bitsPerSample == 16 || bitsPerSample == 24 || bitsPerSample == 32);
        boolean floating = formatTag == IEEE_FLOAT && bitsPerSample == 32;
        return (integer || floating) && blockAlign == channels * (bitsPerSample / 8);
    }

    /** The encoding in words, for messages: {@code 16-bit PCM}, {@code format 0x0007}. */
    String describe() {
        return switch (formatTag) {
            case PCM -> bitsPerSample + "-bit PCM";
            case IEEE_FLOAT -> bitsPerSample + "-bit float";
            case 6 -> "A-law";
            case 7 -> "µ-law";
            default -> String.format("format 0x%04X, %d-bit", formatTag, bitsPerSample);
        };
    }
}
