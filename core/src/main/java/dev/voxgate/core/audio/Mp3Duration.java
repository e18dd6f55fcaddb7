package dev.voxgate.core.audio;

import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The duration of an MPEG audio file (MP3, MP2): past any ID3v2 tags, the first frame's Xing/Info or VBRI header
 * counts the frames of a VBR file (less the encoder delay and padding a LAME tag records); without one the file is
 * CBR and its audio bytes over the first frame's bit rate give the duration.
 *
 * <p>Stateless and thread-safe.
 */
final class Mp3Duration {

    // Encoders pad a file's start with junk or a partial frame now and then; a first frame further in than this is
    // not worth hunting for.
    private static final int WINDOW = 16 * 1024;
    private static final int ID3_HEADER = 10;
    private static final int VBRI_OFFSET = 36;
    private static final Set<String> LAME_TAGS = Set.of("LAME", "Lavc", "Lavf");

    private Mp3Duration() {
    }

    static Optional<Measurement> measure(AudioContent content) throws IOException {
        try (HeaderStream in = new HeaderStream(content.open())) {
            byte[] id3 = in.upTo(ID3_HEADER);
            long windowStart = 0;
            while (isId3(id3)) {
                in.skip(id3TagLength(id3) - ID3_HEADER);
                windowStart = in.position();
                id3 = in.upTo(ID3_HEADER);
            }
            byte[] rest = in.upTo(WINDOW);
            byte[] window = Arrays.copyOf(id3, id3.length + rest.length);
            System.arraycopy(rest, 0, window, id3.length, rest.length);
            long start = windowStart;
            return firstFrame(window).flatMap(offset -> measure(window, offset, content.size() - start - offset));
        }
    }

    private static Optional<Measurement> measure(byte[] window, int offset, long audioBytes) {
        MpegFrame frame = MpegFrame.at(window, offset).orElseThrow();
        int xing = offset + frame.xingOffset();
        String xingId = ascii(window, xing);
        if ((xingId.equals("Xing") || xingId.equals("Info")) && (int32(window, xing + 4) & 1) != 0) {
            return Optional.of(Measurement.of(xingSeconds(window, xing, frame)));
        }
        if (ascii(window, offset + VBRI_OFFSET).equals("VBRI")) {
            long frames = Integer.toUnsignedLong(int32(window, offset + VBRI_OFFSET + 14));
            return Optional.of(Measurement.of((double) frames * frame.samplesPerFrame() / frame.sampleRate()));
        }
        return Optional.of(new Measurement(audioBytes * 8.0 / frame.bitsPerSecond(), frame.bitsPerSecond()));
    }

    private static double xingSeconds(byte[] window, int xing, MpegFrame frame) {
        int flags = int32(window, xing + 4);
        long frames = Integer.toUnsignedLong(int32(window, xing + 8));
        // The optional fields present (frames, bytes, table of contents, quality) say where a LAME tag would start.
        int lame = xing + 8 + 4 + ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0)
                + ((flags & 8) != 0 ? 4 : 0);
        long samples = frames * frame.samplesPerFrame();
        if (LAME_TAGS.contains(ascii(window, lame)) && lame + 24 <= window.length) {
            // Twelve bits of encoder delay, then twelve of padding: samples the decoder drops, not audio.
            int delays = (window[lame + 21] & 0xFF) << 16 | (window[lame + 22] & 0xFF) << 8 | window[lame + 23] & 0xFF;
            samples -= (delays >>> 12) + (delays & 0xFFF);
        }
        return (double) samples / frame.sampleRate();
    }

    // A frame header counts only where the next frame, if it lies in the window, starts with a matching header:
    // four bytes of noise pass the header check alone far too often.
    private static Optional<Integer> firstFrame(byte[] window) {
        for (int offset = 0; offset + 4 <= window.length; offset++) {
            Optional<MpegFrame> frame = MpegFrame.at(window, offset);
            if (frame.isPresent() && frame.get().bitsPerSecond() > 0 && nextMatches(window, offset, frame.get())) {
                return Optional.of(offset);
            }
        }
        return Optional.empty();
    }

    private static boolean nextMatches(byte[] window, int offset, MpegFrame frame) {
        int next = offset + frame.length();
        if (next + 4 > window.length) {
            return true;
        }
        return MpegFrame.at(window, next).filter(following -> following.version() == frame.version()
                && following.layer() == frame.layer() && following.sampleRate() == frame.sampleRate()).isPresent();
    }

    private static boolean isId3(byte[] header) {
        return header.length == ID3_HEADER && ascii(header, 0).startsWith("ID3");
    }

    // The size is syncsafe (seven bits a byte) and excludes the header, and the footer when flag 0x10 says one follows.
    private static long id3TagLength(byte[] header) {
        long size = 0;
        for (int i = 6; i < ID3_HEADER; i++) {
            size = size << 7 | header[i] & 0x7F;
        }
        return ID3_HEADER + size + ((header[5] & 0x10) != 0 ? ID3_HEADER : 0);
    }

    private static String ascii(byte[] bytes, int offset) {
        return offset >= 0 && offset + 4 <= bytes.length
                ? new String(bytes, offset, 4, StandardCharsets.ISO_8859_1) : "";
    }

    private static int int32(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes).getInt(offset);
    }
}
