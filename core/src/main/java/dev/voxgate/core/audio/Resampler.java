package dev.voxgate.core.audio;

/**
 * Band-limited sample-rate conversion: each output sample is the input convolved with a Blackman-windowed sinc
 * whose cutoff lies just under the lower of the two Nyquist frequencies, so downsampling filters out what the new
 * rate cannot hold instead of folding it back as aliasing. The kernel is tabulated once and read with linear
 * interpolation, which keeps arbitrary ratios (44.1 kHz to 16 kHz) cheap.
 *
 * <p>Stateless and thread-safe.
 */
final class Resampler {

    // Half the kernel's width in zero crossings of the sinc: wide enough for a sharp cutoff, small enough to be cheap.
    private static final int ZERO_CROSSINGS = 16;
    private static final int STEPS_PER_CROSSING = 512;
    // The passband ends at 90% of the output's Nyquist frequency; the window's transition band fits above it.
    private static final double CUTOFF = 0.9;
    private static final float[] KERNEL = tabulate();

    private Resampler() {
    }

    /** {@code input}, sampled at {@code fromRate}, sampled again at {@code toRate}. */
    static float[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return input;
        }
        double step = (double) fromRate / toRate;
        double scale = Math.min(1.0, (double) toRate / fromRate) * CUTOFF;
        double halfWidth = ZERO_CROSSINGS / scale;
        int length = (int) ((long) input.length * toRate / fromRate);
        float[] output = new float[length];
        for (int n = 0; n < length; n++) {
            double center = n * step;
            int first = Math.max(0, (int) Math.ceil(center - halfWidth));
            int last = Math.min(input.length - 1, (int) Math.floor(center + halfWidth));
            double sum = 0;
            for (int k = first; k <= last; k++) {
                sum += input[k] * kernel((center - k) * scale);
            }
            output[n] = (float) (sum * scale);
        }
        return output;
    }

    private static double kernel(double x) {
        double position = Math.abs(x) * STEPS_PER_CROSSING;
        int index = (int) position;
        if (index >= KERNEL.length - 1) {
            return 0;
        }
        double fraction = position - index;
        return KERNEL[index] + (KERNEL[index + 1] - KERNEL[index]) * fraction;
    }

    private static float[] tabulate() {
        int size = ZERO_CROSSINGS * STEPS_PER_CROSSING + 1;
        float[] table = new float[size + 1];
        for (int i = 0; i < size; i++) {
            double x = (double) i / STEPS_PER_CROSSING;
            double sinc = i == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            double phase = Math.PI * x / ZERO_CROSSINGS;
            double blackman = 0.42 + 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
            table[i] = (float) (sinc * blackman);
        }
        return table;
    }
}
