package dev.voxgate.core.audio;

import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The duration of an Ogg Opus or Ogg Vorbis file: the granule position of the last complete page of the first
 * logical stream, in the last 64 KiB, over that codec's rate — 48 kHz less OpusHead's pre-skip for Opus, the
 * identification header's sample rate for Vorbis. Only the first page and the tail are read.
 *
 * <p>Stateless and thread-safe.
 */
final class OggDuration {

    private static final int PAGE_HEADER = 27;
    // A page holds at most 255 segments of 255 bytes, so the first page, with its identification header, fits.
    private static final int FIRST_PAGE = PAGE_HEADER + 255 + 255 * 255;
    private static final int TAIL = 64 * 1024;
    private static final double OPUS_RATE = 48_000;

    private OggDuration() {
    }

    static Optional<Measurement> measure(AudioContent content) throws IOException {
        byte[] head;
        try (InputStream in = content.open()) {
            head = in.readNBytes(FIRST_PAGE);
        }
        if (!isPage(head, 0)) {
            return Optional.empty();
        }
        ByteBuffer first = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int serial = first.getInt(14);
        int payload = PAGE_HEADER + (head[26] & 0xFF);
        Optional<Long> granule = lastGranule(tail(content), serial);
        if (startsWith(head, payload, "OpusHead")) {
            int preSkip = first.getShort(payload + 10) & 0xFFFF;
            return granule.map(last -> Measurement.of((last - preSkip) / OPUS_RATE));
        }
        if (head[payload] == 1 && startsWith(head, payload + 1, "vorbis")) {
            long rate = Integer.toUnsignedLong(first.getInt(payload + 12));
            return rate == 0 ? Optional.empty() : granule.map(last -> Measurement.of((double) last / rate));
        }
        return Optional.empty();
    }

    private static byte[] tail(AudioContent content) throws IOException {
        long start = Math.max(0, content.size() - TAIL);
        try (InputStream in = content.open()) {
            in.skipNBytes(start);
            return in.readNBytes(TAIL);
        }
    }

    // The last page of the stream that is whole in the tail and ends a packet: a cut-off upload's final page is
    // partial, and a page that ends no packet carries a granule of -1.
    private static Optional<Long> lastGranule(byte[] tail, int serial) {
        ByteBuffer page = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = tail.length - PAGE_HEADER; at >= 0; at--) {
            if (isPage(tail, at) && page.getInt(at + 14) == serial && isComplete(tail, at)
                    && page.getLong(at + 6) != -1) {
                return Optional.of(page.getLong(at + 6));
            }
        }
        return Optional.empty();
    }

    private static boolean isPage(byte[] bytes, int at) {
        return at + PAGE_HEADER <= bytes.length && startsWith(bytes, at, "OggS") && bytes[at + 4] == 0;
    }

    private static boolean isComplete(byte[] bytes, int at) {
        int segments = bytes[at + 26] & 0xFF;
        int end = at + PAGE_HEADER + segments;
        if (end > bytes.length) {
            return false;
        }
        for (int i = at + PAGE_HEADER; i < at + PAGE_HEADER + segments; i++) {
            end += bytes[i] & 0xFF;
        }
        return end <= bytes.length;
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        byte[] prefix = ascii.getBytes(StandardCharsets.US_ASCII);
        return at >= 0 && at + prefix.length <= bytes.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
