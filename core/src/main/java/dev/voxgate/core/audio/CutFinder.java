package dev.voxgate.core.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where to cut audio that is too long for one vendor call. Each chunk is at most {@link Rules#maxSamples()} long;
 * it ends in the longest silence found in the last {@link Rules#searchSamples()} before that ceiling (in its middle,
 * the latest such silence on a tie), so that no word is cut in two. Only where that stretch holds no silence at all
 * is the chunk cut hard at the ceiling, and the next one then starts {@link Rules#overlapSamples()} earlier, so that
 * the word on the cut is heard whole by one of the two.
 *
 * <p>The search looks back from the ceiling only, never past it, so the ceiling (a vendor's byte or duration limit)
 * is never crossed. Loudness is measured over 20 ms frames; a frame is silent when its RMS is at or below
 * {@link Rules#silenceRms()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class CutFinder {

    /** The frame over which loudness is measured: 20 ms. */
    public static final int FRAME_SAMPLES = MonoPcm.SAMPLE_RATE / 50;

    /**
     * How to cut.
     *
     * @param maxSamples     the longest chunk, in samples
     * @param searchSamples  how far back from each ceiling silence is looked for; at most half of {@code maxSamples}
     *                       is used
     * @param overlapSamples how much of the audio before a hard cut the next chunk repeats; below half of
     *                       {@code maxSamples}
     * @param silenceRms     the loudest RMS (full scale 1.0) still taken for silence
     */
    public record Rules(int maxSamples, int searchSamples, int overlapSamples, double silenceRms) {
        public Rules {
            if (maxSamples < 2 * FRAME_SAMPLES) {
                throw new IllegalArgumentException("maxSamples must be at least two frames, was " + maxSamples);
            }
            if (searchSamples < 0 || overlapSamples < 0 || overlapSamples >= maxSamples / 2) {
                throw new IllegalArgumentException("searchSamples must not be negative and overlapSamples must be "
                        + "below half of maxSamples: " + searchSamples + ", " + overlapSamples);
            }
            if (!(silenceRms >= 0 && silenceRms <= 1)) {
                throw new IllegalArgumentException("silenceRms must be between 0 and 1, was " + silenceRms);
            }
        }
    }

    /**
     * One chunk of the audio.
     *
     * @param index       its place, from 0
     * @param startSample its first sample
     * @param endSample   the sample after its last
     */
    public record Span(int index, int startSample, int endSample) {
        public Span {
            if (index < 0 || startSample < 0 || endSample <= startSample) {
                throw new IllegalArgumentException("not a span: " + index + " " + startSample + "-" + endSample);
            }
        }

        public double startSeconds() {
            return startSample / (double) MonoPcm.SAMPLE_RATE;
        }

        public double endSeconds() {
            return endSample / (double) MonoPcm.SAMPLE_RATE;
        }
    }

    private CutFinder() {
    }

    /** The chunks {@code pcm} is cut into, in order; one span of it all when it is no longer than the ceiling. */
    public static List<Span> spans(MonoPcm pcm, Rules rules) {
        Objects.requireNonNull(rules, "rules");
        short[] samples = Objects.requireNonNull(pcm, "pcm").samples();
        if (samples.length == 0) {
            throw new IllegalArgumentException("no audio to cut");
        }
        double silentEnergy = rules.silenceRms() * rules.silenceRms();
        int search = Math.min(rules.searchSamples(), rules.maxSamples() / 2);
        List<Span> spans = new ArrayList<>();
        int start = 0;
        while (samples.length - start > rules.maxSamples()) {
            int ceiling = start + rules.maxSamples();
            int cut = silenceMiddle(samples, ceiling - search, ceiling, silentEnergy);
            if (cut > start) {
                spans.add(new Span(spans.size(), start, cut));
                start = cut;
            } else {
                spans.add(new Span(spans.size(), start, ceiling));
                start = ceiling - rules.overlapSamples();
            }
        }
        spans.add(new Span(spans.size(), start, samples.length));
        return spans;
    }

    // The middle of the longest run of silent frames lying wholly within [from, to); -1 when there is none.
    private static int silenceMiddle(short[] samples, int from, int to, double silentEnergy) {
        int firstFrame = Math.ceilDiv(from, FRAME_SAMPLES);
        int endFrame = to / FRAME_SAMPLES;
        int bestStart = -1;
        int bestLength = 0;
        int runStart = -1;
        for (int frame = firstFrame; frame <= endFrame; frame++) {
            boolean silent = frame < endFrame && energy(samples, frame) <= silentEnergy;
            if (silent && runStart < 0) {
                runStart = frame;
            } else if (!silent && runStart >= 0) {
                // >= keeps the later of two equal runs: a longer first chunk, fewer chunks in all.
                if (frame - runStart >= bestLength) {
                    bestStart = runStart;
                    bestLength = frame - runStart;
                }
                runStart = -1;
            }
        }
        return bestStart < 0 ? -1 : bestStart * FRAME_SAMPLES + bestLength * FRAME_SAMPLES / 2;
    }

    private static double energy(short[] samples, int frame) {
        double sum = 0;
        for (int i = frame * FRAME_SAMPLES, end = i + FRAME_SAMPLES; i < end; i++) {
            double value = samples[i] / 32768.0;
            sum += value * value;
        }
        return sum / FRAME_SAMPLES;
    }
}
