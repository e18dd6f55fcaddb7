package dev.voxgate.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.voxgate.core.audio.CutFinder.Span;
import dev.voxgate.core.audio.MonoPcm;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.router.TranscriptStitcher.Piece;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Chunks' transcripts joined on the whole audio's time, a word on a hard cut kept once. */
class TranscriptStitcherTest {

    private static final int RATE = MonoPcm.SAMPLE_RATE;

    @Test
    void aWordHeardOnBothSidesOfAHardCutIsKeptOnceAndTheTextSaysIt() {
        // A hard cut at 30 s, the second chunk starting a second earlier: the overlap's middle is 29.5 s.
        Piece first = new Piece(new Span(0, 0, 30 * RATE), transcript("One two.",
                List.of(Segment.of(0, 20, 30, " One two.")),
                List.of(Word.of("one", 27.0, 27.5), Word.of("two", 29.1, 29.7)), 30));
        Piece second = new Piece(new Span(1, 29 * RATE, 40 * RATE), transcript("two three.",
                List.of(Segment.of(0, 0, 5, " two three.")),
                List.of(Word.of("two", 0.1, 0.7), Word.of("three", 2.0, 2.5)), 11));

        Transcription stitched = TranscriptStitcher.stitch(List.of(first, second), 40);

        assertThat(stitched.words()).extracting(Word::word, Word::start, Word::end).containsExactly(
                tuple("one", 27.0, 27.5), tuple("two", 29.1, 29.7), tuple("three", 31.0, 31.5));
        assertThat(stitched.text()).isEqualTo("One two. three");
        assertThat(stitched.segments()).extracting(Segment::id, Segment::start, Segment::end)
                .containsExactly(tuple(0, 20.0, 30.0), tuple(1, 29.0, 34.0));
        assertThat(stitched.usage()).contains(new Usage.Duration(41));
        assertThat(stitched.durationSeconds()).contains(40.0);
        assertThat(stitched.language()).contains("english");
    }

    @Test
    void chunksCutInSilenceKeepEverythingAndTheirTextAsWritten() {
        Piece first = new Piece(new Span(0, 0, 26 * RATE), transcript("Hello, world.",
                List.of(Segment.of(0, 0, 26, " Hello, world.")), List.of(), 26));
        Piece second = new Piece(new Span(1, 26 * RATE, 50 * RATE), transcript("Goodbye!",
                List.of(Segment.of(0, 0.5, 24, " Goodbye!")), List.of(), 24));

        Transcription stitched = TranscriptStitcher.stitch(List.of(first, second), 50);

        assertThat(stitched.text()).isEqualTo("Hello, world. Goodbye!");
        assertThat(stitched.segments()).extracting(Segment::start, Segment::end)
                .containsExactly(tuple(0.0, 26.0), tuple(26.5, 50.0));
    }

    private static Transcription transcript(String text, List<Segment> segments, List<Word> words, double billed) {
        return new Transcription(text, Optional.of("english"), Optional.empty(), segments, words,
                Optional.of(new Usage.Duration(billed)), Optional.empty());
    }
}
