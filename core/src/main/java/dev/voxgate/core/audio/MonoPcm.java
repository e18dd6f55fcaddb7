package dev.voxgate.core.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Audio as the recognizer takes it, and as long audio is cut and sent again: 16 kHz, one channel, signed 16-bit
 * samples.
 *
 * <p>The array is handed over, not copied; nobody changes it afterwards.
 *
 * @param samples the samples in time order
 */
public record MonoPcm(short[] samples) {

    /** The one sample rate the recognizer is fed with. */
    public static final int SAMPLE_RATE = 16_000;
    /** The size of the header {@link #wav} writes before the samples. */
    public static final int WAV_HEADER_BYTES = 44;

    public MonoPcm {
        Objects.requireNonNull(samples, "samples");
    }

    /** The audio's length in seconds. */
    public double durationSeconds() {
        return samples.length / (double) SAMPLE_RATE;
    }

    /**
     * Rounds {@code samples} (full scale ±1, as 16-bit PCM reads: sample / 32768) to 16-bit, clipping what lies
     * beyond full scale, so that 16-bit input comes back sample for sample.
     */
    public static MonoPcm fromFloats(float[] samples) {
        short[] pcm = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            long scaled = Math.round(samples[i] * 32768.0);
            pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, scaled));
        }
        return new MonoPcm(pcm);
    }

    /**
     * Samples {@code from} (inclusive) to {@code to} (exclusive) as a 16-bit PCM mono WAV file of
     * {@link #WAV_HEADER_BYTES} plus two bytes a sample, which any vendor reads.
     */
    public byte[] wav(int from, int to) {
        Objects.checkFromToIndex(from, to, samples.length);
        int dataBytes = (to - from) * 2;
        ByteBuffer out = ByteBuffer.allocate(WAV_HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = from; i < to; i++) {
            out.putShort(samples[i]);
        }
        return out.array();
    }
}
