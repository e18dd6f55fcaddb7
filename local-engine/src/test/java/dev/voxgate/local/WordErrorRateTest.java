package dev.voxgate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

    @Test
    void countsSubstitutionsInsertionsAndDeletionsOverTheReference() {
        assertThat(WordErrorRate.of("the quick brown fox", "the quick brown fox")).isZero();
        assertThat(WordErrorRate.of("the quick brown fox", "a quick brown fox")).isCloseTo(0.25, within(1e-9));
        assertThat(WordErrorRate.of("the quick brown fox", "the quick brown fox jumps")).isCloseTo(0.25, within(1e-9));
        assertThat(WordErrorRate.of("the quick brown fox", "quick fox")).isCloseTo(0.5, within(1e-9));
        assertThat(WordErrorRate.of("The quick, brown fox.", "the quick brown fox")).isZero();
    }
}
