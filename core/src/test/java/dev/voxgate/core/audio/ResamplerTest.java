package dev.voxgate.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The resampler keeps what the new rate can hold and filters out what it cannot, instead of aliasing it. */
class ResamplerTest {

    @Test
    void downsamplingKeepsAToneBelowTheNewNyquistFrequency() {
        float[] out = Resampler.resample(tone(1000, 44_100, 1.0), 44_100, 16_000);

        assertThat(out).hasSize(16_000);
        assertThat(rms(middle(out))).isCloseTo(Math.sqrt(0.5), within(0.01));
        assertThat(dominantFrequency(middle(out), 16_000)).isCloseTo(1000, within(5.0));
    }

    @Test
    void downsamplingRemovesAToneAboveTheNewNyquistFrequencyRatherThanFoldingItBack() {
        float[] out = Resampler.resample(tone(10_000, 44_100, 1.0), 44_100, 16_000);

        // Without a low-pass filter, 10 kHz would come back as a full-strength 6 kHz tone.
        assertThat(rms(middle(out))).isLessThan(0.01);
    }

    @Test
    void upsamplingKeepsTheToneAndDoublesTheSamples() {
        float[] out = Resampler.resample(tone(1000, 8000, 1.0), 8000, 16_000);

        assertThat(out).hasSize(16_000);
        assertThat(rms(middle(out))).isCloseTo(Math.sqrt(0.5), within(0.01));
        assertThat(dominantFrequency(middle(out), 16_000)).isCloseTo(1000, within(5.0));
    }

    @Test
    void theSameRateIsLeftAlone() {
        float[] in = tone(440, 16_000, 0.1);

        assertThat(Resampler.resample(in, 16_000, 16_000)).isSameAs(in);
    }

    private static float[] tone(double hz, int rate, double seconds) {
        float[] samples = new float[(int) (rate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) Math.sin(2 * Math.PI * hz * i / rate);
        }
        return samples;
    }

    // The ends hold the filter's ramp-in and ramp-out; the steady state is in between.
    private static float[] middle(float[] samples) {
        return Arrays.copyOfRange(samples, samples.length / 10, samples.length * 9 / 10);
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float sample : samples) {
            sum += sample * sample;
        }
        return Math.sqrt(sum / samples.length);
    }

    // Counts upward zero crossings: enough to tell a 1 kHz tone from an alias.
    private static double dominantFrequency(float[] samples, int rate) {
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                crossings++;
            }
        }
        return crossings * (double) rate / samples.length;
    }
}
