package dev.voxgate.local;

import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.local.internal.vosk.RecognizedWord;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups timed words into segments the way subtitles and {@code verbose_json} readers expect them: a pause ends a
 * segment, and a stretch of speech too long for one segment is cut at its longest silence, again and again, until
 * every piece is short enough, so that the cuts fall between phrases rather than at an arbitrary word.
 *
 * <p>Stateless.
 */
final class Segmenter {

    /** A silence at least this long between two words always ends a segment. */
    static final double PAUSE_SECONDS = 0.5;
    /** The longest a segment may be. */
    static final double MAX_SECONDS = 10.0;
    /** The most words a segment may hold. */
    static final int MAX_WORDS = 30;

    private Segmenter() {
    }

    static List<Segment> segments(List<RecognizedWord> words) {
        List<List<RecognizedWord>> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= words.size(); i++) {
            if (i == words.size() || gapBefore(words, i) >= PAUSE_SECONDS) {
                cut(words.subList(start, i), pieces);
                start = i;
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (List<RecognizedWord> piece : pieces) {
            String text = String.join(" ", piece.stream().map(RecognizedWord::word).toList());
            segments.add(Segment.of(segments.size(), piece.getFirst().start(), piece.getLast().end(), text));
        }
        return segments;
    }

    private static void cut(List<RecognizedWord> run, List<List<RecognizedWord>> pieces) {
        boolean tooLong = run.getLast().end() - run.getFirst().start() > MAX_SECONDS || run.size() > MAX_WORDS;
        if (!tooLong || run.size() < 2) {
            pieces.add(run);
            return;
        }
        int widest = 1;
        for (int i = 2; i < run.size(); i++) {
            if (gapBefore(run, i) > gapBefore(run, widest)) {
                widest = i;
            }
        }
        cut(run.subList(0, widest), pieces);
        cut(run.subList(widest, run.size()), pieces);
    }

    private static double gapBefore(List<RecognizedWord> words, int index) {
        return words.get(index).start() - words.get(index - 1).end();
    }
}
