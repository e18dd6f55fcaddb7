package dev.voxgate.providers.elevenlabs;

import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.elevenlabs.SpeechToTextResponse.Token;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.SpeakerTurns;
import dev.voxgate.providers.http.ProviderJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads ElevenLabs' answer into a {@link Transcription}: its text and language as sent, the timed {@code word}
 * tokens as words (speaker from {@code speaker_id}, confidence {@code e^logprob}), segments grouped by
 * {@link SpeakerTurns}, and the duration from {@code audio_duration_secs}, else the last token's end. Usage is
 * {@code audio_duration_secs}, which ElevenLabs bills, when it sent it.
 *
 * <p>Stateless and thread-safe.
 */
final class SpeechToTextReader {

    private SpeechToTextReader() {
    }

    static Transcription read(String body) throws MalformedBodyException {
        SpeechToTextResponse response = parse(body);
        List<Token> tokens = tokens(response.words());
        Optional<Double> billed = Optional.ofNullable(response.audioDurationSecs());
        Optional<Double> duration = billed.or(() -> tokens.stream()
                .filter(Token::isTimed).map(Token::end).max(Double::compare));
        List<Word> words = new ArrayList<>();
        List<String> spacing = new ArrayList<>();
        words(tokens, words, spacing);
        return new Transcription(response.text(), Optional.ofNullable(response.languageCode()), duration,
                SpeakerTurns.of(words, spacing), words, billed.map(Usage.Duration::new), Optional.empty());
    }

    private static SpeechToTextResponse parse(String body) throws MalformedBodyException {
        SpeechToTextResponse response = ProviderJson.readBody(body, SpeechToTextResponse.class);
        if (response.text() == null) {
            throw new MalformedBodyException("the JSON has no 'text'");
        }
        return response;
    }

    private static List<Token> tokens(List<Token> wire) throws MalformedBodyException {
        List<Token> tokens = wire == null ? List.of() : wire;
        for (int index = 0; index < tokens.size(); index++) {
            if (tokens.get(index) == null || tokens.get(index).text() == null) {
                throw new MalformedBodyException("token " + index + " has no text");
            }
        }
        return tokens;
    }

    /**
     * The timed words into {@code words}, and into {@code spacing} the spacing token sent last before each; untimed
     * words (timestamps_granularity none) cannot be words of a transcript, which are timed, and audio events
     * ({@code (laughter)}) stay in the text only.
     */
    private static void words(List<Token> tokens, List<Word> words, List<String> spacing) {
        String before = "";
        for (Token token : tokens) {
            if (token.isSpacing()) {
                before = token.text();
            } else if (token.isWord() && token.isTimed()) {
                words.add(new Word(token.text(), token.start(), token.end(), Optional.ofNullable(token.speakerId()),
                        Optional.ofNullable(token.logprob()).map(Math::exp)));
                spacing.add(before);
                before = "";
            }
        }
    }
}
