package dev.voxgate.providers.mistral;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Mistral's transcription answer: {@code {model, text, language, segments, usage}}. Every field may be missing;
 * {@link MistralTranscriptionReader} decides what is required.
 */
record MistralTranscription(String model, String text, String language, List<Segment> segments, Usage usage) {

    /** A timed piece; {@code speaker_id} only when diarized. */
    record Segment(String type, String text, Double start, Double end, @JsonProperty("speaker_id") String speakerId) {
    }

    /** What the call used; Mistral bills transcription by {@code prompt_audio_seconds}. */
    record Usage(@JsonProperty("prompt_audio_seconds") Double promptAudioSeconds) {
    }
}
