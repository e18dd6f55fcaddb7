package dev.voxgate.providers.openaicompat;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A JSON transcription as OpenAI sends it for {@code json}, {@code verbose_json} and {@code diarized_json}, and as
 * the OpenAI-compatible vendors vary it: Fireworks names speakers {@code speaker_id} and adds a word's
 * {@code probability}; vLLM sends {@code duration} as a string ("30.0"), which Jackson reads as a number; Groq adds
 * an {@code x_groq} object, ignored like every unknown field; gpt-transcribe lists the {@code languages} it detected,
 * as codes ({@code ["en"]}) or objects with a {@code code}. Every field may be missing; {@link TranscriptionReader}
 * decides what is required.
 */
record WireTranscription(
        String text,
        String language,
        Double duration,
        List<Segment> segments,
        List<Word> words,
        Usage usage,
        List<JsonNode> languages) {

    /** A segment; {@code id} is a number in {@code verbose_json} and a string ({@code seg_001}) when diarized. */
    record Segment(
            JsonNode id,
            Integer seek,
            Double start,
            Double end,
            String text,
            List<Integer> tokens,
            Double temperature,
            @JsonProperty("avg_logprob") Double avgLogprob,
            @JsonProperty("compression_ratio") Double compressionRatio,
            @JsonProperty("no_speech_prob") Double noSpeechProb,
            @JsonAlias("speaker_id") String speaker) {
    }

    record Word(String word, Double start, Double end, @JsonAlias("speaker_id") String speaker, Double probability) {
    }

    /** {@code {"type":"duration","seconds"}} or {@code {"type":"tokens",…}}. */
    record Usage(
            String type,
            Double seconds,
            @JsonProperty("input_tokens") Integer inputTokens,
            @JsonProperty("output_tokens") Integer outputTokens,
            @JsonProperty("total_tokens") Integer totalTokens,
            @JsonProperty("input_token_details") TokenDetails inputTokenDetails) {
    }

    record TokenDetails(
            @JsonProperty("audio_tokens") Integer audioTokens,
            @JsonProperty("text_tokens") Integer textTokens) {
    }
}
