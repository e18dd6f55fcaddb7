package dev.voxgate.core.audio;

import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.util.Optional;

/**
 * The duration of a native FLAC file: the STREAMINFO block's total samples over its sample rate. STREAMINFO is the
 * first metadata block by the format's rule; a total of 0 means the encoder did not know it, so nothing is claimed.
 *
 * <p>Stateless and thread-safe.
 */
final class FlacDuration {

    private static final int STREAMINFO = 0;
    private static final int STREAMINFO_LENGTH = 34;

    private FlacDuration() {
    }

    static Optional<Measurement> measure(AudioContent content) throws IOException {
        try (HeaderStream in = new HeaderStream(content.open())) {
            in.skip(4);
            int type = in.u8() & 0x7F;
            byte[] length = in.bytes(3);
            if (type != STREAMINFO || ((length[0] & 0xFF) << 16 | (length[1] & 0xFF) << 8 | length[2] & 0xFF)
                    != STREAMINFO_LENGTH) {
                return Optional.empty();
            }
            // Minimum and maximum block size (2 + 2 bytes) and frame size (3 + 3) come first.
            in.skip(10);
            // Then 20 bits of sample rate, 3 of channels, 5 of bits per sample and 36 of total samples.
            long packed = in.u64be();
            long sampleRate = packed >>> 44;
            long totalSamples = packed & 0xF_FFFF_FFFFL;
            return sampleRate == 0 || totalSamples == 0 ? Optional.empty()
                    : Optional.of(Measurement.of((double) totalSamples / sampleRate));
        }
    }
}
