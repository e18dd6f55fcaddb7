package dev.voxgate.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.local.internal.vosk.RecognizedWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    @Test
    void aPauseStartsANewSegment() {
        List<RecognizedWord> words = List.of(word("four", 0.0, 0.3), word("score", 0.3, 0.7),
                word("and", 1.4, 1.6), word("seven", 1.6, 2.0));

        List<Segment> segments = Segmenter.segments(words);

        assertThat(segments).containsExactly(Segment.of(0, 0.0, 0.7, "four score"), Segment.of(1, 1.4, 2.0, "and seven"));
    }

    @Test
    void speechWithoutPausesIsCutIntoSentenceSizedSegments() {
        List<RecognizedWord> words = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            words.add(word("w" + i, i * 0.3, i * 0.3 + 0.25));
        }

        List<Segment> segments = Segmenter.segments(words);

        assertThat(segments).hasSizeGreaterThan(2);
        assertThat(segments).allSatisfy(segment -> {
            assertThat(segment.end() - segment.start()).isLessThanOrEqualTo(Segmenter.MAX_SECONDS);
            assertThat(segment.text().split(" ")).hasSizeLessThanOrEqualTo(Segmenter.MAX_WORDS);
        });
        assertThat(segments).extracting(Segment::id).containsExactly(
                java.util.stream.IntStream.range(0, segments.size()).boxed().toArray(Integer[]::new));
        assertThat(String.join(" ", segments.stream().map(Segment::text).toList()).split(" ")).hasSize(100);
    }

    @Test
    void aLongStretchWithoutPausesIsCutAtItsLongestSilence() {
        List<RecognizedWord> words = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            // Words every half second, with a slightly longer (but still short) breath after the 16th.
            double start = i * 0.5 + (i >= 16 ? 0.3 : 0);
            words.add(word("w" + i, start, start + 0.45));
        }

        List<Segment> segments = Segmenter.segments(words);

        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).text()).endsWith("w15");
        assertThat(segments.get(1).text()).startsWith("w16");
    }

    @Test
    void noWordsMakeNoSegments() {
        assertThat(Segmenter.segments(List.of())).isEmpty();
    }

    private static RecognizedWord word(String text, double start, double end) {
        return new RecognizedWord(text, start, end, 1.0);
    }
}
