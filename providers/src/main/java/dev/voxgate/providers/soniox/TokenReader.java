package dev.voxgate.providers.soniox;

import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ProviderJson;
import dev.voxgate.providers.http.SpeakerTurns;
import dev.voxgate.providers.soniox.SonioxWire.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads Soniox's transcript into a {@link Transcription}. Its tokens are sub-word pieces: a token that starts with a
 * space (or a new speaker) starts a word, the others continue it ({@code "Hel" "lo" ","} is one word,
 * {@code Hello,}); a word's time runs from its first piece's start to its last's end (milliseconds become seconds),
 * its confidence is its pieces' mean, its speaker its first piece's. Segments are grouped from the words by
 * {@link SpeakerTurns}; the language is the first piece's, when Soniox identified it, else the one sent. Usage is
 * the audio's duration from the job, which Soniox bills, else the last piece's end.
 *
 * <p>Stateless and thread-safe.
 */
final class TokenReader {

    private TokenReader() {
    }

    /** The transcript in {@code body} of a job whose audio lasted {@code durationMs}, if Soniox said. */
    static Transcription read(String body, Optional<Long> durationMs, Optional<String> sentLanguage)
            throws MalformedBodyException {
        SonioxWire.Transcript transcript = ProviderJson.readBody(body, SonioxWire.Transcript.class);
        List<Token> tokens = tokens(transcript);
        List<Word> words = new ArrayList<>();
        List<String> spacing = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Token> piece = new ArrayList<>();
        for (Token token : tokens) {
            text.append(token.text());
            if (!piece.isEmpty() && (token.text().startsWith(" ")
                    || !Objects.equals(token.speaker(), piece.getFirst().speaker()))) {
                addWord(piece, words, spacing);
            }
            piece.add(token);
        }
        addWord(piece, words, spacing);
        Optional<Double> seconds = durationMs.map(millis -> millis / 1000.0)
                .or(() -> words.isEmpty() ? Optional.empty() : Optional.of(words.getLast().end()));
        Optional<String> language = tokens.stream().map(Token::language).filter(Objects::nonNull).findFirst()
                .or(() -> sentLanguage);
        String whole = transcript.text() != null ? transcript.text() : text.toString();
        return new Transcription(whole.strip(), language, seconds, SpeakerTurns.of(words, spacing), words,
                durationMs.map(millis -> new Usage.Duration(millis / 1000.0)), Optional.empty());
    }

    private static List<Token> tokens(SonioxWire.Transcript transcript) throws MalformedBodyException {
        if (transcript.tokens() == null) {
            throw new MalformedBodyException("the transcript has no 'tokens'");
        }
        for (int i = 0; i < transcript.tokens().size(); i++) {
            Token token = transcript.tokens().get(i);
            if (token == null || token.text() == null || token.startMs() == null || token.endMs() == null) {
                throw new MalformedBodyException("token " + i + " lacks its text, start_ms or end_ms");
            }
        }
        return transcript.tokens();
    }

    private static void addWord(List<Token> piece, List<Word> words, List<String> spacing) {
        if (piece.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        piece.forEach(token -> text.append(token.text()));
        String word = text.toString().strip();
        if (!word.isEmpty()) {
            double confidence = piece.stream().map(Token::confidence).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            words.add(new Word(word, piece.getFirst().startMs() / 1000.0, piece.getLast().endMs() / 1000.0,
                    Optional.ofNullable(piece.getFirst().speaker()),
                    Double.isNaN(confidence) ? Optional.empty() : Optional.of(confidence)));
            spacing.add(text.toString().startsWith(" ") ? " " : "");
        }
        piece.clear();
    }
}
