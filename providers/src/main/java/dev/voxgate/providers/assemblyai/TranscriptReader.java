package dev.voxgate.providers.assemblyai;

import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ProviderJson;
import dev.voxgate.providers.http.SpeakerTurns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads AssemblyAI's transcript object: as a job's state while it runs ({@link #job}), and once completed into a
 * {@link Transcription} ({@link #transcript}): its text and language, its words (milliseconds become seconds) with
 * speaker and confidence, segments from the speaker utterances, else grouped from the words by
 * {@link SpeakerTurns}, and the audio's duration, which AssemblyAI bills, as usage.
 *
 * <p>Stateless and thread-safe.
 */
final class TranscriptReader {

    private TranscriptReader() {
    }

    /** The transcript object in {@code body}, which must name its job and the job's status. */
    static Transcript job(String body) throws MalformedBodyException {
        Transcript transcript = ProviderJson.readBody(body, Transcript.class);
        if (transcript.id() == null || transcript.status() == null) {
            throw new MalformedBodyException("the transcript object has no 'id' or 'status'");
        }
        return transcript;
    }

    /** The transcript of a completed job, with {@code formattedBody} as the vendor's own srt/vtt, if fetched. */
    static Transcription transcript(Transcript done, Optional<String> formattedBody) throws MalformedBodyException {
        if (done.text() == null) {
            throw new MalformedBodyException("the completed transcript has no 'text'");
        }
        List<Word> words = words(done.words());
        Optional<Double> duration = Optional.ofNullable(done.audioDuration());
        return new Transcription(done.text(), Optional.ofNullable(done.languageCode()), duration,
                segments(done.utterances(), words), words, duration.map(Usage.Duration::new), formattedBody);
    }

    private static List<Word> words(List<Transcript.Word> wire) throws MalformedBodyException {
        List<Word> words = new ArrayList<>();
        for (Transcript.Word word : wire == null ? List.<Transcript.Word>of() : wire) {
            if (word == null || word.text() == null || word.start() == null || word.end() == null) {
                throw new MalformedBodyException("word " + words.size() + " lacks its text, start or end");
            }
            words.add(new Word(word.text(), seconds(word.start()), seconds(word.end()),
                    Optional.ofNullable(word.speaker()), Optional.ofNullable(word.confidence())));
        }
        return words;
    }

    private static List<Segment> segments(List<Transcript.Utterance> utterances, List<Word> words)
            throws MalformedBodyException {
        if (utterances == null || utterances.isEmpty()) {
            return SpeakerTurns.spaced(words);
        }
        List<Segment> segments = new ArrayList<>();
        for (Transcript.Utterance turn : utterances) {
            if (turn == null || turn.start() == null || turn.end() == null) {
                throw new MalformedBodyException("utterance " + segments.size() + " has no start or end");
            }
            segments.add(new Segment(segments.size(), seconds(turn.start()), seconds(turn.end()),
                    turn.text() == null ? "" : turn.text(), Optional.ofNullable(turn.speaker()), Optional.empty(),
                    List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return segments;
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
