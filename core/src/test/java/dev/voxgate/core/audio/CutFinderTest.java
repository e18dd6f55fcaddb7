package dev.voxgate.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.audio.CutFinder.Rules;
import dev.voxgate.core.audio.CutFinder.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cuts on synthetic audio, whose silences are known to the sample, land exactly where the rules say. */
class CutFinderTest {

    private static final int RATE = MonoPcm.SAMPLE_RATE;
    // 30 s chunks, silence looked for in the last 10 s, 1 s overlap at a hard cut, silence at or below -40 dBFS.
    private static final Rules RULES = new Rules(30 * RATE, 10 * RATE, RATE, 0.01);

    @Test
    void audioNoLongerThanTheCeilingIsOneChunk() {
        MonoPcm pcm = new Audio().tone(30).pcm();

        assertThat(CutFinder.spans(pcm, RULES)).containsExactly(new Span(0, 0, 30 * RATE));
    }

    @Test
    void aChunkEndsInTheMiddleOfTheSilenceBeforeItsCeilingAndAHardCutOverlapsTheNext() {
        MonoPcm pcm = new Audio().tone(25).silence(2).tone(33).pcm();

        // 26 s: the middle of the 25-27 s pause. 26 + 30 = 56 s falls in tone with no pause after 46 s: a hard cut,
        // and the last chunk starts one second before it.
        assertThat(CutFinder.spans(pcm, RULES)).containsExactly(
                new Span(0, 0, 26 * RATE), new Span(1, 26 * RATE, 56 * RATE), new Span(2, 55 * RATE, 60 * RATE));
    }

    @Test
    void noiseWithoutPausesIsCutHardAtEveryCeilingWithTheOverlap() {
        MonoPcm pcm = new Audio().noise(70, 0.1).pcm();

        assertThat(CutFinder.spans(pcm, RULES)).containsExactly(
                new Span(0, 0, 30 * RATE), new Span(1, 29 * RATE, 59 * RATE), new Span(2, 58 * RATE, 70 * RATE));
    }

    @Test
    void aQuietNoiseFloorCountsAsSilenceAndTheLongestPauseInTheWindowWins() {
        // Pauses of hiss at -50 dBFS: 0.5 s at 21 s, 1.5 s at 23 s, 0.5 s at 28 s. The longest decides: 23.75 s.
        MonoPcm pcm = new Audio().tone(21).noise(0.5, 0.003).tone(1.5).noise(1.5, 0.003).tone(3.5).noise(0.5, 0.003)
                .tone(12).pcm();

        List<Span> spans = CutFinder.spans(pcm, RULES);

        assertThat(spans.getFirst()).isEqualTo(new Span(0, 0, (int) (23.75 * RATE)));
        assertThat(spans).hasSize(2);
        assertThat(spans.getLast().endSample()).isEqualTo(pcm.samples().length);
    }

    @Test
    void ofTwoEqualPausesTheLaterOneIsTaken() {
        MonoPcm pcm = new Audio().tone(21).silence(1).tone(5).silence(1).tone(12).pcm();

        assertThat(CutFinder.spans(pcm, RULES).getFirst()).isEqualTo(new Span(0, 0, (int) (27.5 * RATE)));
    }

    @Test
    void aPauseBeforeTheSearchWindowIsNotUsedAndNoCutPassesTheCeiling() {
        // The only pause (10-12 s) lies before the last 10 s of the first 30: hard cut at 30 s.
        MonoPcm pcm = new Audio().tone(10).silence(2).tone(40).pcm();

        List<Span> spans = CutFinder.spans(pcm, RULES);

        assertThat(spans.getFirst()).isEqualTo(new Span(0, 0, 30 * RATE));
        assertThat(spans).allSatisfy(span -> assertThat(span.endSample() - span.startSample())
                .isLessThanOrEqualTo(RULES.maxSamples()));
    }

    @Test
    void aToneLouderThanTheThresholdIsNeverSilenceHoweverSoft() {
        // -30 dBFS tone instead of pauses: above the -40 dBFS threshold, so the cuts are hard.
        MonoPcm pcm = new Audio().tone(25).tone(2, 0.045).tone(33).pcm();

        assertThat(CutFinder.spans(pcm, RULES).getFirst()).isEqualTo(new Span(0, 0, 30 * RATE));
    }

    @Test
    void rulesThatCannotMakeProgressAreRefused() {
        assertThatThrownBy(() -> new Rules(RATE, RATE, RATE / 2, 0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rules(100, 0, 0, 0.01)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Synthetic audio at 16 kHz, piece by piece. */
    private static final class Audio {
        private final List<Short> samples = new ArrayList<>();
        private final Random random = new Random(20);

        Audio tone(double seconds) {
            return tone(seconds, 0.5);
        }

        Audio tone(double seconds, double amplitude) {
            return add(seconds, i -> amplitude * Math.sin(2 * Math.PI * 440 * i / RATE));
        }

        Audio silence(double seconds) {
            return add(seconds, i -> 0);
        }

        // Uniform white noise whose RMS is {@code rms}.
        Audio noise(double seconds, double rms) {
            return add(seconds, i -> (random.nextDouble() * 2 - 1) * rms * Math.sqrt(3));
        }

        private Audio add(double seconds, java.util.function.IntToDoubleFunction value) {
            int count = (int) Math.round(seconds * RATE);
            for (int i = 0; i < count; i++) {
                samples.add((short) Math.round(value.applyAsDouble(i) * 32767));
            }
            return this;
        }

        MonoPcm pcm() {
            short[] array = new short[samples.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = samples.get(i);
            }
            return new MonoPcm(array);
        }
    }
}
