package dev.voxgate.providers.openaicompat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ProviderJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;

/**
 * Reads a 2xx body in the requested format: a text format verbatim, a JSON format into a {@link Transcription}.
 *
 * <p>Stateless and thread-safe.
 */
final class TranscriptionReader {

    private TranscriptionReader() {
    }

    static Transcription read(ResponseFormat format, String body, Optional<MediaType> contentType)
            throws MalformedBodyException {
        if (format == ResponseFormat.TEXT) {
            return new Transcription(body.strip(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                    Optional.empty(), Optional.of(body));
        }
        if (format.isText()) {
            return Transcription.ofFormattedBody(body);
        }
        return fromJson(parse(body));
    }

    private static WireTranscription parse(String body) throws MalformedBodyException {
        WireTranscription wire = ProviderJson.readBody(body, WireTranscription.class);
        if (wire.text() == null) {
            throw new MalformedBodyException("the JSON has no 'text'");
        }
        return wire;
    }

    private static Transcription fromJson(WireTranscription wire) throws MalformedBodyException {
        return new Transcription(wire.text(), Optional.ofNullable(wire.language()),
                Optional.ofNullable(wire.duration()), segments(wire.segments()), words(wire.words()),
                usage(wire.usage()), Optional.empty(), languages(wire.languages()));
    }

    /** {@code ["en"]} or {@code [{"code":"en"}]}; an entry with no code is left out. */
    private static List<String> languages(List<JsonNode> wire) {
        List<String> languages = new ArrayList<>();
        for (JsonNode language : orEmpty(wire)) {
            JsonNode code = language != null && language.isObject() ? language.get("code") : language;
            if (code != null && code.isTextual() && !code.asText().isBlank()) {
                languages.add(code.asText());
            }
        }
        return languages;
    }

    private static List<Segment> segments(List<WireTranscription.Segment> wire) throws MalformedBodyException {
        List<Segment> segments = new ArrayList<>();
        for (WireTranscription.Segment segment : orEmpty(wire)) {
            int index = segments.size();
            if (segment == null || segment.start() == null || segment.end() == null) {
                throw new MalformedBodyException("segment " + index + " has no start or end");
            }
            if (segment.tokens() != null && segment.tokens().contains(null)) {
                throw new MalformedBodyException("segment " + index + " has a null token");
            }
            // Diarized ids are strings ("seg_001"); the position stands in for them.
            int id = segment.id() != null && segment.id().canConvertToInt() ? segment.id().asInt() : index;
            segments.add(new Segment(id, segment.start(), segment.end(), orBlank(segment.text()),
                    Optional.ofNullable(segment.speaker()), Optional.ofNullable(segment.seek()),
                    orEmpty(segment.tokens()), Optional.ofNullable(segment.temperature()),
                    Optional.ofNullable(segment.avgLogprob()), Optional.ofNullable(segment.compressionRatio()),
                    Optional.ofNullable(segment.noSpeechProb())));
        }
        return segments;
    }

    private static List<Word> words(List<WireTranscription.Word> wire) throws MalformedBodyException {
        List<Word> words = new ArrayList<>();
        for (WireTranscription.Word word : orEmpty(wire)) {
            if (word == null || word.word() == null || word.start() == null || word.end() == null) {
                throw new MalformedBodyException("word " + words.size() + " lacks its word, start or end");
            }
            words.add(new Word(word.word(), word.start(), word.end(), Optional.ofNullable(word.speaker()),
                    Optional.ofNullable(word.probability())));
        }
        return words;
    }

    /** Usage of an unknown type is left out: billing detail is not worth failing a transcript over. */
    private static Optional<Usage> usage(WireTranscription.Usage wire) {
        if (wire == null) {
            return Optional.empty();
        }
        boolean duration = "duration".equals(wire.type()) || wire.type() == null && wire.seconds() != null;
        boolean tokens = "tokens".equals(wire.type()) || wire.type() == null && wire.inputTokens() != null;
        if (duration && wire.seconds() != null) {
            return Optional.of(new Usage.Duration(wire.seconds()));
        }
        if (!tokens) {
            return Optional.empty();
        }
        int input = orZero(wire.inputTokens());
        int output = orZero(wire.outputTokens());
        int total = wire.totalTokens() != null ? wire.totalTokens() : input + output;
        Optional<WireTranscription.TokenDetails> details = Optional.ofNullable(wire.inputTokenDetails());
        return Optional.of(new Usage.Tokens(input, output, total,
                details.map(WireTranscription.TokenDetails::audioTokens),
                details.map(WireTranscription.TokenDetails::textTokens)));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String orBlank(String text) {
        return text == null ? "" : text;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
