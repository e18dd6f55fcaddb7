package dev.voxgate.core.audio;

import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.util.Optional;

/**
 * The duration of an ISO base media file (MP4, M4A, MOV, 3GP): {@code moov/mvhd}'s duration over its timescale,
 * versions 0 and 1. Top-level boxes before {@code moov} — {@code mdat} above all, since most encoders write the
 * movie header at the end — are skipped by their stated size, never read.
 *
 * <p>Stateless and thread-safe.
 */
final class Mp4Duration {

    private static final int MAX_BOXES = 4096;

    private Mp4Duration() {
    }

    static Optional<Measurement> measure(AudioContent content) throws IOException {
        try (HeaderStream in = new HeaderStream(content.open())) {
            long end = content.size();
            boolean inMovie = false;
            for (int box = 0; box < MAX_BOXES && in.position() < end; box++) {
                long start = in.position();
                long size = in.u32be();
                String type = in.ascii(4);
                if (size == 1) {
                    size = in.u64be();
                } else if (size == 0) {
                    size = end - start;
                }
                long body = size - (in.position() - start);
                if (body < 0) {
                    return Optional.empty();
                }
                if (type.equals("moov")) {
                    // Walk on into moov's children, which end where it does; mvhd is usually the first of them.
                    end = in.position() + body;
                    inMovie = true;
                } else if (type.equals("mvhd") && inMovie) {
                    return movieHeader(in);
                } else {
                    in.skip(body);
                }
            }
            return Optional.empty();
        }
    }

    private static Optional<Measurement> movieHeader(HeaderStream in) throws IOException {
        int version = in.u8();
        in.skip(3);
        long timescale;
        long duration;
        if (version == 1) {
            in.skip(16);
            timescale = in.u32be();
            duration = in.u64be();
        } else {
            in.skip(8);
            timescale = in.u32be();
            duration = in.u32be();
        }
        // All ones is the standard's "duration unknown"; negative as a signed 64-bit value is as unusable.
        boolean unknown = duration < 0 || version == 0 && duration == 0xFFFF_FFFFL;
        return timescale == 0 || unknown ? Optional.empty()
                : Optional.of(Measurement.of((double) duration / timescale));
    }
}
