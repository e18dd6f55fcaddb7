package dev.voxgate.providers.deepgram;

import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.deepgram.ListenResponse.Alternative;
import dev.voxgate.providers.deepgram.ListenResponse.Channel;
import dev.voxgate.providers.deepgram.ListenResponse.Metadata;
import dev.voxgate.providers.deepgram.ListenResponse.Paragraph;
import dev.voxgate.providers.deepgram.ListenResponse.Sentence;
import dev.voxgate.providers.deepgram.ListenResponse.Utterance;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ProviderJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Deepgram's answer into a {@link Transcription}, from the first channel's first alternative: its transcript
 * (the speaker-labelled paragraphs when diarized), its words with speaker and confidence, and segments from the
 * utterances of that channel, else from the paragraphs' sentences. Usage is the audio's duration, which Deepgram
 * bills.
 *
 * <p>Stateless and thread-safe.
 */
final class ListenResponseReader {

    private ListenResponseReader() {
    }

    /** The transcript in {@code body}; {@code sentLanguage} stands in when Deepgram detected none. */
    static Transcription read(String body, Optional<String> sentLanguage) throws MalformedBodyException {
        ListenResponse response = parse(body);
        Channel channel = first(response.results().channels(), "results.channels");
        Alternative alternative = first(channel.alternatives(), "results.channels[0].alternatives");
        if (alternative.transcript() == null) {
            throw new MalformedBodyException("the first alternative has no 'transcript'");
        }
        List<Word> words = words(alternative.words());
        Optional<Double> duration = Optional.ofNullable(response.metadata()).map(Metadata::duration);
        return new Transcription(text(alternative, words),
                Optional.ofNullable(channel.detectedLanguage()).or(() -> sentLanguage), duration,
                segments(response.results().utterances(), alternative), words, duration.map(Usage.Duration::new),
                Optional.empty());
    }

    private static ListenResponse parse(String body) throws MalformedBodyException {
        ListenResponse response = ProviderJson.readBody(body, ListenResponse.class);
        if (response.results() == null) {
            throw new MalformedBodyException("the JSON has no 'results'");
        }
        return response;
    }

    private static <T> T first(List<T> list, String name) throws MalformedBodyException {
        if (list == null || list.isEmpty() || list.getFirst() == null) {
            throw new MalformedBodyException("'" + name + "' is missing or empty");
        }
        return list.getFirst();
    }

    /** Diarized paragraphs say who speaks ("Speaker 0: …"), which the flat transcript loses. */
    private static String text(Alternative alternative, List<Word> words) {
        boolean diarized = words.stream().anyMatch(word -> word.speaker().isPresent());
        if (diarized && alternative.paragraphs() != null && alternative.paragraphs().transcript() != null) {
            return alternative.paragraphs().transcript().strip();
        }
        return alternative.transcript();
    }

    private static List<Word> words(List<ListenResponse.Word> wire) throws MalformedBodyException {
        List<Word> words = new ArrayList<>();
        for (ListenResponse.Word word : orEmpty(wire)) {
            if (word == null || word.word() == null && word.punctuatedWord() == null || word.start() == null
                    || word.end() == null) {
                throw new MalformedBodyException("word " + words.size() + " lacks its word, start or end");
            }
            String text = word.punctuatedWord() != null ? word.punctuatedWord() : word.word();
            words.add(new Word(text, word.start(), word.end(), speaker(word.speaker()),
                    Optional.ofNullable(word.confidence())));
        }
        return words;
    }

    private static List<Segment> segments(List<Utterance> utterances, Alternative alternative)
            throws MalformedBodyException {
        List<Segment> segments = new ArrayList<>();
        for (Utterance utterance : orEmpty(utterances)) {
            // Utterances cover every channel; the transcript is the first channel's.
            if (utterance != null && (utterance.channel() == null || utterance.channel() == 0)) {
                segments.add(segment(segments.size(), utterance.start(), utterance.end(), utterance.transcript(),
                        utterance.speaker()));
            }
        }
        return segments.isEmpty() ? sentences(alternative) : segments;
    }

    private static List<Segment> sentences(Alternative alternative) throws MalformedBodyException {
        List<Segment> segments = new ArrayList<>();
        List<Paragraph> paragraphs = alternative.paragraphs() == null ? null : alternative.paragraphs().paragraphs();
        for (Paragraph paragraph : orEmpty(paragraphs)) {
            List<Sentence> sentences = paragraph == null ? null : paragraph.sentences();
            for (Sentence sentence : orEmpty(sentences)) {
                if (sentence == null) {
                    throw new MalformedBodyException("sentence " + segments.size() + " is null");
                }
                segments.add(segment(segments.size(), sentence.start(), sentence.end(), sentence.text(),
                        paragraph.speaker()));
            }
        }
        return segments;
    }

    private static Segment segment(int id, Double start, Double end, String text, Integer speaker)
            throws MalformedBodyException {
        if (start == null || end == null) {
            throw new MalformedBodyException("segment " + id + " has no start or end");
        }
        return new Segment(id, start, end, text == null ? "" : text, speaker(speaker), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Optional<String> speaker(Integer speaker) {
        return Optional.ofNullable(speaker).map(String::valueOf);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
