package dev.voxgate.providers.elevenlabs;

import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.providers.elevenlabs.SpeechToTextResponse.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Groups ElevenLabs' tokens into segments, which it does not send: consecutive timed words of one speaker, split
 * where the speaker changes, after a pause longer than {@value #LONG_PAUSE_SECONDS} s, and after a sentence's end,
 * so that subtitles made from them stay readable. Words are joined by the spacing ElevenLabs sent between them;
 * audio events ({@code (laughter)}) stay in the transcript's text but not in segments.
 *
 * <p>Not thread-safe; one instance groups one answer inside {@link #of(List)}.
 */
final class SpeakerTurns {

    static final double LONG_PAUSE_SECONDS = 1.5;
    // Ends a sentence: a full stop, question or exclamation mark (Latin or CJK), then perhaps closing quotes.
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!…。？！]+[\"'”’»)\\]]*$");

    private final List<Segment> segments = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private String spacing = "";
    private Token first;
    private Token last;

    private SpeakerTurns() {
    }

    /** The segments of {@code tokens}, numbered from 0. */
    static List<Segment> of(List<Token> tokens) {
        SpeakerTurns turns = new SpeakerTurns();
        tokens.forEach(turns::add);
        turns.close();
        return List.copyOf(turns.segments);
    }

    private void add(Token token) {
        if (token.isSpacing()) {
            spacing = token.text();
            return;
        }
        if (!token.isWord() || !token.isTimed()) {
            return;
        }
        if (first != null && (!Objects.equals(token.speakerId(), first.speakerId())
                || token.start() - last.end() > LONG_PAUSE_SECONDS)) {
            close();
        }
        if (first == null) {
            first = token;
        } else {
            text.append(spacing);
        }
        text.append(token.text());
        spacing = "";
        last = token;
        if (SENTENCE_END.matcher(token.text()).find()) {
            close();
        }
    }

    private void close() {
        if (first != null) {
            segments.add(new Segment(segments.size(), first.start(), last.end(), text.toString().strip(),
                    Optional.ofNullable(first.speakerId()), Optional.empty(), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        first = null;
        last = null;
        text.setLength(0);
        spacing = "";
    }
}
