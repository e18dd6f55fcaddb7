package dev.voxgate.core.audio;

import java.util.Objects;

/**
 * Audio as the recognizer takes it: 16 kHz, one channel, signed 16-bit samples.
 *
 * <p>The array is handed over, not copied; nobody changes it afterwards.
 *
 * @param samples the samples in time order
 */
public record MonoPcm(short[] samples) {

    /** The one sample rate the recognizer is fed with. */
    public static final int SAMPLE_RATE = 16_000;

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
}
