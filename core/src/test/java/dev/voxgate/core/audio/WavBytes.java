package dev.voxgate.core.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files in memory, frame by frame, in the encodings and layouts the reader must cope with. */
final class WavBytes {

    private final int formatTag;
    private final int channels;
    private final int rate;
    private final int bits;
    private boolean extensible;
    private boolean streamed;
    private boolean listChunkFirst;

    private WavBytes(int formatTag, int channels, int rate, int bits) {
        this.formatTag = formatTag;
        this.channels = channels;
        this.rate = rate;
        this.bits = bits;
    }

    static WavBytes pcm(int channels, int rate, int bits) {
        return new WavBytes(1, channels, rate, bits);
    }

    static WavBytes float32(int channels, int rate) {
        return new WavBytes(3, channels, rate, 32);
    }

    static WavBytes muLaw(int rate) {
        return new WavBytes(7, 1, rate, 8);
    }

    /** Writes the format as WAVE_FORMAT_EXTENSIBLE with this format as its sub-format. */
    WavBytes extensible() {
        extensible = true;
        return this;
    }

    /** Leaves the data chunk's size at 0xFFFFFFFF, as writers that stream do. */
    WavBytes streamed() {
        streamed = true;
        return this;
    }

    /** Puts an odd-sized LIST chunk between fmt and data. */
    WavBytes withListChunk() {
        listChunkFirst = true;
        return this;
    }

    /** The file for {@code frames[frame][channel]}, full scale ±1. */
    byte[] frames(float[][] frames) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (float[] frame : frames) {
            for (float sample : frame) {
                write(data, sample);
            }
        }
        return file(data.toByteArray());
    }

    /** A mono tone of {@code hz} lasting {@code seconds}, copied to every channel. */
    byte[] tone(double hz, double seconds, double amplitude) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < (int) (seconds * rate); i++) {
            float sample = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
            for (int channel = 0; channel < channels; channel++) {
                write(data, sample);
            }
        }
        return file(data.toByteArray());
    }

    private void write(ByteArrayOutputStream out, float sample) {
        long value = switch (bits) {
            case 8 -> Math.round(sample * 127) + 128;
            case 16 -> Math.round(sample * 32767);
            case 24 -> Math.round(sample * 8388607);
            default -> formatTag == 3 ? Float.floatToIntBits(sample) : Math.round(sample * 2147483647.0);
        };
        for (int i = 0; i < bits / 8; i++) {
            out.write((int) (value >> (8 * i)) & 0xFF);
        }
    }

    private byte[] file(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] fmt = fmtChunk();
        chunkHeader(out, "RIFF", 4 + 8 + fmt.length + (listChunkFirst ? 8 + 6 : 0) + 8 + data.length);
        out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        chunkHeader(out, "fmt ", fmt.length);
        out.writeBytes(fmt);
        if (listChunkFirst) {
            chunkHeader(out, "LIST", 5);
            out.writeBytes(new byte[] {'I', 'N', 'F', 'O', 0, 0});
        }
        chunkHeader(out, "data", streamed ? 0xFFFF_FFFFL : data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private byte[] fmtChunk() {
        ByteBuffer fmt = ByteBuffer.allocate(extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) (extensible ? 0xFFFE : formatTag)).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extensible) {
            fmt.putShort((short) 22).putShort((short) bits).putInt(0).putShort((short) formatTag)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        return fmt.array();
    }

    private static void chunkHeader(ByteArrayOutputStream out, String id, long size) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) size).array());
    }
}
