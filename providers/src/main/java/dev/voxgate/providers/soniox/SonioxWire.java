package dev.voxgate.providers.soniox;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Soniox's answers, as far as a transcript needs them. Every field may be missing; the readers decide. */
final class SonioxWire {

    private SonioxWire() {
    }

    /** The answer to {@code POST /v1/files}. */
    record File(String id) {
    }

    /**
     * A transcription job: {@code status} is {@code queued}, {@code processing}, {@code completed} or {@code error}
     * (with {@code error_type} and {@code error_message}); {@code audio_duration_ms} once the audio is read.
     */
    record Transcription(
            String id,
            String status,
            @JsonProperty("error_type") String errorType,
            @JsonProperty("error_message") String errorMessage,
            @JsonProperty("audio_duration_ms") Long audioDurationMs) {
    }

    /** The answer to {@code GET /v1/transcriptions/{id}/transcript}. */
    record Transcript(String text, List<Token> tokens) {
    }

    /**
     * A sub-word piece; one that starts with a space starts a word. {@code speaker} with diarization,
     * {@code language} with language identification.
     */
    record Token(
            String text,
            @JsonProperty("start_ms") Long startMs,
            @JsonProperty("end_ms") Long endMs,
            Double confidence,
            String speaker,
            String language) {
    }
}
