package dev.voxgate.providers.http;

import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Groups timed words into segments, for vendors that send words but no segments (ElevenLabs, Soniox, AssemblyAI
 * without speakers): consecutive words of one speaker, split where the speaker changes, after a pause longer than
 * {@value #LONG_PAUSE_SECONDS} s, and after a sentence's end, so that subtitles made from them stay readable. Words
 * are joined by the spacing the vendor sent between them (none between CJK characters).
 *
 * <p>Not thread-safe; one instance groups one answer inside {@link #of}.
 */
public final class SpeakerTurns {

    static final double LONG_PAUSE_SECONDS = 1.5;
    // Ends a sentence: a full stop, question or exclamation mark (Latin or CJK), then perhaps closing quotes.
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!…。？！]+[\"'”’»)\\]]*$");

    private final List<Segment> segments = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private Word first;
    private Word last;

    private SpeakerTurns() {
    }

    /**
     * The segments of {@code words}, numbered from 0; {@code spacing} holds, for each word, what the vendor sent
     * between it and the word before (ignored for the first).
     *
     * @throws IllegalArgumentException when the two lists differ in length
     */
    public static List<Segment> of(List<Word> words, List<String> spacing) {
        if (words.size() != spacing.size()) {
            throw new IllegalArgumentException(words.size() + " words but " + spacing.size() + " spacings");
        }
        SpeakerTurns turns = new SpeakerTurns();
        for (int i = 0; i < words.size(); i++) {
            turns.add(words.get(i), spacing.get(i));
        }
        turns.close();
        return List.copyOf(turns.segments);
    }

    /** The segments of {@code words} written with a space between each two. */
    public static List<Segment> spaced(List<Word> words) {
        return of(words, words.stream().map(word -> " ").toList());
    }

    private void add(Word word, String spacing) {
        if (first != null && (!Objects.equals(word.speaker(), first.speaker())
                || word.start() - last.end() > LONG_PAUSE_SECONDS)) {
            close();
        }
        if (first == null) {
            first = word;
        } else {
            text.append(spacing);
        }
        text.append(word.word());
        last = word;
        if (SENTENCE_END.matcher(word.word()).find()) {
            close();
        }
    }

    private void close() {
        if (first != null) {
            segments.add(new Segment(segments.size(), first.start(), last.end(), text.toString().strip(),
                    first.speaker(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
        }
        first = null;
        last = null;
        text.setLength(0);
    }
}
