package dev.voxgate.providers.assemblyai;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * AssemblyAI's transcript object, as creating, polling and reading a job answer it. Every field may be missing;
 * {@link TranscriptReader} decides what is required.
 *
 * @param id            the job's id
 * @param status        {@code queued}, {@code processing}, {@code completed} or {@code error}
 * @param error         why a job in {@code error} failed
 * @param text          the whole transcript
 * @param words         timed words, in milliseconds
 * @param utterances    speaker turns, with {@code speaker_labels}
 * @param languageCode  the language given or detected
 * @param audioDuration the audio's length in seconds, which AssemblyAI bills
 */
record Transcript(
        String id,
        String status,
        String error,
        String text,
        List<Word> words,
        List<Utterance> utterances,
        @JsonProperty("language_code") String languageCode,
        @JsonProperty("audio_duration") Double audioDuration) {

    /** A word; {@code speaker} ({@code "A"}) with {@code speaker_labels}. */
    record Word(String text, Long start, Long end, Double confidence, String speaker) {
    }

    /** One speaker's turn. */
    record Utterance(String text, Long start, Long end, String speaker) {
    }

    /** The answer to {@code POST /v2/upload}. */
    record Upload(@JsonProperty("upload_url") String uploadUrl) {
    }
}
