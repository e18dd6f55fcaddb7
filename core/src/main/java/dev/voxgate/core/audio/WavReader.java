package dev.voxgate.core.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Reads RIFF/WAVE files: the header chunks up to {@code data}, then the frames, mixed down to one channel of floats
 * at the file's own rate. Chunks other than {@code fmt } and {@code data} are skipped.
 *
 * <p>Stateless; each call reads its own stream.
 */
final class WavReader {

    private static final int MAX_FMT_BYTES = 1024;
    private static final int FRAMES_PER_READ = 4096;

    private WavReader() {
    }

    /** Reads the header, leaving {@code in} at the first byte of the samples. */
    static WavFormat readHeader(InputStream in) throws IOException, UnreadableAudioException {
        try {
            return chunksUpToData(in);
        } catch (EOFException e) {
            throw new UnreadableAudioException("it ends before its 'data' chunk");
        }
    }

    private static WavFormat chunksUpToData(InputStream in) throws IOException, UnreadableAudioException {
        byte[] riff = readFully(in, 12);
        if (!ascii(riff, 0, "RIFF") || !ascii(riff, 8, "WAVE")) {
            throw new UnreadableAudioException("it does not start with a RIFF/WAVE header");
        }
        byte[] fmt = null;
        while (true) {
            byte[] chunk = readFully(in, 8);
            long size = u32(chunk, 4);
            if (ascii(chunk, 0, "data")) {
                if (fmt == null) {
                    throw new UnreadableAudioException("its 'data' chunk comes before any 'fmt ' chunk");
                }
                return format(fmt, size);
            }
            if (ascii(chunk, 0, "fmt ")) {
                if (size < 16 || size > MAX_FMT_BYTES) {
                    throw new UnreadableAudioException("its 'fmt ' chunk is " + size + " bytes long");
                }
                fmt = readFully(in, (int) size);
                in.skipNBytes(size % 2);
            } else {
                in.skipNBytes(size + size % 2);
            }
        }
    }

    /**
     * Reads the frames after {@link #readHeader}, averaging the channels, at most {@code maxFrames} of them.
     *
     * @throws UnreadableAudioException when there are more
     */
    static float[] readMono(InputStream in, WavFormat format, long maxFrames)
            throws IOException, UnreadableAudioException {
        long expected = format.dataBytes().orElse(Long.MAX_VALUE) / format.blockAlign();
        FloatSink sink = new FloatSink((int) Math.min(expected, Math.min(maxFrames, 1 << 20)));
        byte[] buffer = new byte[FRAMES_PER_READ * format.blockAlign()];
        long left = expected;
        while (left > 0) {
            int wanted = (int) Math.min(FRAMES_PER_READ, left) * format.blockAlign();
            int read = in.readNBytes(buffer, 0, wanted);
            int frames = read / format.blockAlign();
            if (sink.size() + frames > maxFrames) {
                throw UnreadableAudioException.tooLong(maxFrames / format.sampleRate());
            }
            for (int frame = 0; frame < frames; frame++) {
                sink.add(mix(buffer, frame * format.blockAlign(), format));
            }
            left -= frames;
            if (read < wanted) {
                break;
            }
        }
        return sink.toArray();
    }

    private static WavFormat format(byte[] fmt, long dataSize) throws UnreadableAudioException {
        int tag = u16(fmt, 0);
        if (tag == WavFormat.EXTENSIBLE && fmt.length >= 26) {
            tag = u16(fmt, 24);
        }
        int channels = u16(fmt, 2);
        long rate = u32(fmt, 4);
        if (channels < 1 || rate < 1 || rate > 1_000_000 || u16(fmt, 12) < 1) {
            throw new UnreadableAudioException("its 'fmt ' chunk says " + channels + " channels at " + rate + " Hz");
        }
        // Writers that stream a WAV leave the data size at 0 or 0xFFFFFFFF: read until the stream ends.
        OptionalLong data = dataSize == 0 || dataSize == 0xFFFF_FFFFL ? OptionalLong.empty() : OptionalLong.of(dataSize);
        return new WavFormat(tag, channels, (int) rate, u16(fmt, 14), u16(fmt, 12), data);
    }

    private static float mix(byte[] bytes, int offset, WavFormat format) {
        int width = format.bitsPerSample() / 8;
        float sum = 0;
        for (int channel = 0; channel < format.channels(); channel++) {
            sum += sample(bytes, offset + channel * width, format);
        }
        return sum / format.channels();
    }

    private static float sample(byte[] b, int o, WavFormat format) {
        return switch (format.bitsPerSample()) {
            case 8 -> ((b[o] & 0xFF) - 128) / 128f;
            case 16 -> (short) u16(b, o) / 32768f;
            case 24 -> (((b[o + 2] << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o] & 0xFF) << 8)) >> 8) / 8388608f;
            default -> format.formatTag() == WavFormat.IEEE_FLOAT
                    ? Float.intBitsToFloat((int) u32(b, o))
                    : (int) u32(b, o) / 2147483648f;
        };
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        if (in.readNBytes(bytes, 0, length) < length) {
            throw new EOFException();
        }
        return bytes;
    }

    private static int u16(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int o) {
        return (u16(b, o) | (long) u16(b, o + 2) << 16) & 0xFFFF_FFFFL;
    }

    private static boolean ascii(byte[] bytes, int offset, String expected) {
        byte[] wanted = expected.getBytes(StandardCharsets.US_ASCII);
        return Arrays.equals(bytes, offset, offset + 4, wanted, 0, 4);
    }

    /** A growing array of floats. */
    private static final class FloatSink {
        private float[] values;
        private int size;

        FloatSink(int capacity) {
            values = new float[Math.max(16, capacity)];
        }

        int size() {
            return size;
        }

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
