package dev.voxgate.core.audio;

import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The duration of a WebM or Matroska file: {@code Segment/Info/Duration} (a 4- or 8-byte float, in ticks) times
 * {@code TimecodeScale} (nanoseconds a tick, 1,000,000 unless stated). Elements before {@code Info} are skipped by
 * size; a live recording without a Duration, or with an element of unknown size in the way, claims nothing.
 *
 * <p>Stateless and thread-safe.
 */
final class MatroskaDuration {

    private static final long EBML = 0x1A45DFA3L;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long UNKNOWN = -1;
    private static final long DEFAULT_SCALE = 1_000_000;
    private static final int MAX_ELEMENTS = 4096;

    private MatroskaDuration() {
    }

    static Optional<Measurement> measure(AudioContent content) throws IOException {
        try (HeaderStream in = new HeaderStream(content.open())) {
            if (id(in) != EBML) {
                return Optional.empty();
            }
            skip(in, size(in));
            if (id(in) != SEGMENT) {
                return Optional.empty();
            }
            size(in);
            // The segment's own size may be unknown (a live writer); its children are walked either way.
            for (int element = 0; element < MAX_ELEMENTS; element++) {
                long id = id(in);
                long size = size(in);
                if (id == INFO) {
                    return info(in, size);
                }
                if (id == CLUSTER) {
                    return Optional.empty();
                }
                skip(in, size);
            }
            return Optional.empty();
        }
    }

    private static Optional<Measurement> info(HeaderStream in, long size) throws IOException {
        if (size == UNKNOWN) {
            return Optional.empty();
        }
        long end = in.position() + size;
        long scale = DEFAULT_SCALE;
        double ticks = Double.NaN;
        while (in.position() < end) {
            long id = id(in);
            long length = size(in);
            if (id == TIMECODE_SCALE && length >= 1 && length <= 8) {
                scale = unsigned(in.bytes(length));
            } else if (id == DURATION && (length == 4 || length == 8)) {
                ByteBuffer value = ByteBuffer.wrap(in.bytes(length));
                ticks = length == 4 ? value.getFloat() : value.getDouble();
            } else {
                skip(in, length);
            }
        }
        return Double.isNaN(ticks) ? Optional.empty() : Optional.of(Measurement.of(ticks * scale / 1e9));
    }

    private static void skip(HeaderStream in, long size) throws IOException {
        if (size == UNKNOWN) {
            // Only the children could say where an element of unknown size ends; not worth parsing for this.
            throw new IOException("element of unknown size");
        }
        in.skip(size);
    }

    // An element ID is a variable-length integer of one to four bytes whose length marker is part of the ID.
    private static long id(HeaderStream in) throws IOException {
        int first = in.u8();
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || length > 4) {
            throw new IOException("invalid element ID");
        }
        long id = first;
        for (int i = 1; i < length; i++) {
            id = id << 8 | in.u8();
        }
        return id;
    }

    // A size is a variable-length integer of one to eight bytes without its marker; all value bits set is unknown.
    private static long size(HeaderStream in) throws IOException {
        int first = in.u8();
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0) {
            throw new IOException("invalid element size");
        }
        long value = first & (0xFF >>> length);
        boolean allOnes = value == 0xFF >>> length;
        for (int i = 1; i < length; i++) {
            int next = in.u8();
            allOnes &= next == 0xFF;
            value = value << 8 | next;
        }
        return allOnes ? UNKNOWN : value;
    }

    private static long unsigned(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = value << 8 | b & 0xFF;
        }
        return value;
    }
}
