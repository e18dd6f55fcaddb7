package dev.voxgate.core.audio;

import java.util.Optional;

/**
 * One MPEG audio frame header (MPEG-1, 2 and 2.5; layers I, II and III), decoded from its four bytes with the
 * standard's bit rate and sample rate tables.
 *
 * @param version    1 for MPEG-1, 2 for MPEG-2, 25 for MPEG-2.5
 * @param layer      1, 2 or 3
 * @param bitsPerSecond the frame's bit rate; 0 for the "free" format, whose rate is not stated
 * @param sampleRate samples per second
 * @param padded     whether the frame carries one extra slot
 * @param mono       whether the channel mode is single channel
 */
record MpegFrame(int version, int layer, int bitsPerSecond, int sampleRate, boolean padded, boolean mono) {

    // Kilobits per second by bit rate index; rows: MPEG-1 layer I, II, III, then MPEG-2/2.5 layer I, and II/III.
    private static final int[][] KBPS = {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};

    /** The frame header starting at {@code offset}, if the four bytes there are a valid one. */
    static Optional<MpegFrame> at(byte[] bytes, int offset) {
        if (offset < 0 || offset + 4 > bytes.length) {
            return Optional.empty();
        }
        int header = (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | bytes[offset + 3] & 0xFF;
        int versionBits = header >>> 19 & 3;
        int layerBits = header >>> 17 & 3;
        int bitrateIndex = header >>> 12 & 15;
        int rateIndex = header >>> 10 & 3;
        if ((header & 0xFFE0_0000) != 0xFFE0_0000 || versionBits == 1 || layerBits == 0 || bitrateIndex == 15
                || rateIndex == 3) {
            return Optional.empty();
        }
        int version = versionBits == 3 ? 1 : versionBits == 2 ? 2 : 25;
        int layer = 4 - layerBits;
        int row = version == 1 ? layer - 1 : layer == 1 ? 3 : 4;
        int sampleRate = MPEG1_RATES[rateIndex] / (version == 1 ? 1 : version == 2 ? 2 : 4);
        return Optional.of(new MpegFrame(version, layer, KBPS[row][bitrateIndex] * 1000, sampleRate,
                (header >>> 9 & 1) == 1, (header >>> 6 & 3) == 3));
    }

    /** Samples each frame decodes to. */
    int samplesPerFrame() {
        if (layer == 1) {
            return 384;
        }
        return layer == 3 && version != 1 ? 576 : 1152;
    }

    /** The frame's length in bytes, header included; 0 when the bit rate is free. */
    int length() {
        if (layer == 1) {
            return (12 * bitsPerSecond / sampleRate + (padded ? 1 : 0)) * 4;
        }
        return samplesPerFrame() / 8 * bitsPerSecond / sampleRate + (padded ? 1 : 0);
    }

    /** Where a Xing/Info tag starts in the first frame: after the header and the layer III side information. */
    int xingOffset() {
        int sideInformation = version == 1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        return 4 + sideInformation;
    }
}
