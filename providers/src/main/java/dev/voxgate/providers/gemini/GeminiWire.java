package dev.voxgate.providers.gemini;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.voxgate.core.model.Transcription.Usage;
import java.util.List;
import java.util.Optional;

/**
 * Gemini's answers, as far as a transcript needs them. {@code generateContent} and the Files API answer in
 * camelCase, the Interactions API in snake_case. Every field may be missing; the readers decide.
 */
final class GeminiWire {

    private GeminiWire() {
    }

    /** {@code generateContent}'s answer; no candidate when the prompt was blocked ({@code promptFeedback}). */
    record GenerateContentResponse(List<Candidate> candidates, UsageMetadata usageMetadata,
                                   PromptFeedback promptFeedback) {
    }

    record Candidate(Content content, String finishReason) {
    }

    record Content(List<Part> parts) {
    }

    record Part(String text) {
    }

    record PromptFeedback(String blockReason) {
    }

    /** Tokens billed; audio counts 32 tokens a second. */
    record UsageMetadata(Integer promptTokenCount, Integer candidatesTokenCount, Integer totalTokenCount,
                         List<ModalityCount> promptTokensDetails) {

        Usage tokens() {
            Optional<Integer> audio = promptTokensDetails == null ? Optional.empty() : promptTokensDetails.stream()
                    .filter(detail -> "AUDIO".equalsIgnoreCase(detail.modality()))
                    .map(detail -> orZero(detail.tokenCount())).reduce(Integer::sum);
            return GeminiWire.tokens(promptTokenCount, candidatesTokenCount, totalTokenCount, audio);
        }
    }

    record ModalityCount(String modality, Integer tokenCount) {
    }

    /** An interaction: {@code status} is {@code completed} when its steps hold the transcript. */
    record Interaction(String id, String status, List<Step> steps, InteractionUsage usage) {
    }

    record Step(String type, List<StepContent> content) {
    }

    record StepContent(String type, String text, List<Annotation> annotations) {
    }

    /** A {@code word_info} annotation: a word, its offsets ({@code "0.200s"}) and speaker ({@code spk_1}). */
    record Annotation(String type, String text, @JsonProperty("start_offset") String startOffset,
                      @JsonProperty("end_offset") String endOffset, String speaker) {

        boolean isWord() {
            return "word_info".equals(type) && text != null;
        }
    }

    record InteractionUsage(@JsonProperty("total_input_tokens") Integer totalInputTokens,
                            @JsonProperty("total_output_tokens") Integer totalOutputTokens,
                            @JsonProperty("total_tokens") Integer totalTokens,
                            @JsonProperty("input_tokens_by_modality") List<ModalityTokens> inputTokensByModality) {

        Usage tokens() {
            Optional<Integer> audio = inputTokensByModality == null ? Optional.empty() : inputTokensByModality
                    .stream().filter(detail -> "audio".equalsIgnoreCase(detail.modality()))
                    .map(detail -> orZero(detail.tokens())).reduce(Integer::sum);
            return GeminiWire.tokens(totalInputTokens, totalOutputTokens, totalTokens, audio);
        }
    }

    record ModalityTokens(String modality, Integer tokens) {
    }

    /** The Files API's answer to the upload's last request. */
    record Uploaded(File file) {
    }

    /** A file: {@code name} is {@code files/<id>}; {@code state} {@code PROCESSING}, {@code ACTIVE} or {@code FAILED}. */
    record File(String name, String uri, String mimeType, String state, Status error) {
    }

    record Status(Integer code, String message) {
    }

    /** Tokens billed: the text's are the input's less the audio's, when Gemini counted the audio's apart. */
    private static Usage tokens(Integer input, Integer output, Integer total, Optional<Integer> audio) {
        int in = orZero(input);
        int out = orZero(output);
        return new Usage.Tokens(in, out, total == null ? in + out : total, audio, audio.map(tokens -> in - tokens));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
