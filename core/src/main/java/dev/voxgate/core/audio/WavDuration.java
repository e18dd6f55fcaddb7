package dev.voxgate.core.audio;

import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.util.Optional;

/**
 * The duration of a RIFF/WAVE or RF64 file: the {@code data} chunk's size over the {@code fmt } chunk's byte rate.
 * Chunks before {@code data} ({@code LIST}, {@code fact}, …) are skipped by size, with RIFF's pad byte after an odd
 * one; a data size that a streaming writer left unknown is taken as the rest of the file.
 *
 * <p>Stateless and thread-safe.
 */
final class WavDuration {

    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
    private static final int MAX_CHUNKS = 1024;

    private WavDuration() {
    }

    static Optional<Measurement> measure(AudioContent content) throws IOException {
        try (HeaderStream in = new HeaderStream(content.open())) {
            boolean rf64 = in.ascii(4).equals("RF64");
            in.skip(4);
            return in.ascii(4).equals("WAVE") ? chunks(in, rf64, content.size()) : Optional.empty();
        }
    }

    // Both formats put fmt (and RF64 its ds64) before data, so the walk stops at data and never reads the audio.
    private static Optional<Measurement> chunks(HeaderStream in, boolean rf64, long fileSize) throws IOException {
        long ds64DataSize = -1;
        long byteRate = 0;
        for (int chunk = 0; chunk < MAX_CHUNKS; chunk++) {
            String id = in.ascii(4);
            long size = in.u32le();
            if (id.equals("data")) {
                long declared = rf64 && size == UNKNOWN_SIZE ? ds64DataSize : size;
                return byteRate == 0 ? Optional.empty()
                        : Optional.of(measured(dataSize(declared, fileSize - in.position()), byteRate));
            }
            long read = 0;
            if (id.equals("fmt ") && size >= 16) {
                in.skip(8); // format tag, channels, sample rate
                byteRate = in.u32le();
                read = 12;
            } else if (id.equals("ds64") && size >= 16) {
                in.skip(8); // RIFF size
                ds64DataSize = in.u64le();
                read = 16;
            }
            in.skip(size - read + (size & 1));
        }
        return Optional.empty();
    }

    // A writer that cannot seek back (a pipe, a live recorder) leaves the size at its placeholder, 0xFFFFFFFF or 0,
    // and a cut-off upload claims more than it has; in all three the audio is whatever follows the header.
    private static long dataSize(long declared, long remaining) {
        return declared <= 0 || declared == UNKNOWN_SIZE || declared > remaining ? remaining : declared;
    }

    private static Measurement measured(long dataSize, long byteRate) {
        return new Measurement((double) dataSize / byteRate, byteRate * 8);
    }
}
