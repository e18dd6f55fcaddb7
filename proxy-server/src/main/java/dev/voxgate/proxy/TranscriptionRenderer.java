package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import java.util.Optional;

/**
 * Writes a {@link Transcription} the way OpenAI answers in each {@code response_format}: {@code json} and
 * {@code verbose_json} objects, plain {@code text}, and {@code srt}/{@code vtt} subtitles. A vendor's own text body
 * is passed through unchanged; subtitles are otherwise built from the segments.
 *
 * <p>Thread-safe.
 */
final class TranscriptionRenderer {

    private final ObjectMapper json;

    TranscriptionRenderer(ObjectMapper json) {
        this.json = json;
    }

    RenderedTranscription render(Transcription transcription, ResponseFormat format) {
        String body = switch (format) {
            case JSON -> json(transcription).toString();
            case VERBOSE_JSON, DIARIZED_JSON -> verboseJson(transcription).toString();
            case TEXT -> transcription.formattedBody().orElseGet(() -> transcription.text() + "\n");
            case SRT, VTT -> transcription.formattedBody().orElseGet(() -> subtitles(transcription, format));
        };
        return new RenderedTranscription(format.contentType(), body);
    }

    private ObjectNode json(Transcription transcription) {
        ObjectNode node = json.createObjectNode().put("text", transcription.text());
        transcription.usage().ifPresent(usage -> node.set("usage", usage(usage)));
        return node;
    }

    private ObjectNode verboseJson(Transcription transcription) {
        ObjectNode node = json.createObjectNode().put("task", "transcribe");
        transcription.language().ifPresent(language -> node.put("language", language));
        transcription.durationSeconds().ifPresent(duration -> node.put("duration", duration));
        node.put("text", transcription.text());
        if (!transcription.segments().isEmpty()) {
            ArrayNode segments = node.putArray("segments");
            transcription.segments().forEach(segment -> segments.add(segment(segment)));
        }
        if (!transcription.words().isEmpty()) {
            ArrayNode words = node.putArray("words");
            transcription.words().forEach(word -> words.add(word(word)));
        }
        transcription.usage().ifPresent(usage -> node.set("usage", usage(usage)));
        return node;
    }

    private ObjectNode segment(Transcription.Segment segment) {
        ObjectNode node = json.createObjectNode().put("id", segment.id());
        segment.seek().ifPresent(seek -> node.put("seek", seek));
        node.put("start", segment.start()).put("end", segment.end()).put("text", segment.text());
        if (!segment.tokens().isEmpty()) {
            ArrayNode tokens = node.putArray("tokens");
            segment.tokens().forEach(tokens::add);
        }
        putIfPresent(node, "temperature", segment.temperature());
        putIfPresent(node, "avg_logprob", segment.avgLogprob());
        putIfPresent(node, "compression_ratio", segment.compressionRatio());
        putIfPresent(node, "no_speech_prob", segment.noSpeechProb());
        segment.speaker().ifPresent(speaker -> node.put("speaker", speaker));
        return node;
    }

    private ObjectNode word(Transcription.Word word) {
        ObjectNode node = json.createObjectNode()
                .put("word", word.word()).put("start", word.start()).put("end", word.end());
        word.speaker().ifPresent(speaker -> node.put("speaker", speaker));
        putIfPresent(node, "confidence", word.confidence());
        return node;
    }

    /** A new, empty JSON object from the shared mapper. */
    ObjectNode jsonObject() {
        return json.createObjectNode();
    }

    /** OpenAI's {@code usage} object for what the vendor billed. */
    ObjectNode usage(Transcription.Usage usage) {
        ObjectNode node = json.createObjectNode();
        switch (usage) {
            case Transcription.Usage.Duration duration -> putSeconds(node.put("type", "duration"), duration.seconds());
            case Transcription.Usage.Tokens tokens -> {
                node.put("type", "tokens").put("input_tokens", tokens.inputTokens());
                if (tokens.audioTokens().isPresent() || tokens.textTokens().isPresent()) {
                    ObjectNode details = node.putObject("input_token_details");
                    tokens.textTokens().ifPresent(text -> details.put("text_tokens", text));
                    tokens.audioTokens().ifPresent(audio -> details.put("audio_tokens", audio));
                }
                node.put("output_tokens", tokens.outputTokens()).put("total_tokens", tokens.totalTokens());
            }
        }
        return node;
    }

    // OpenAI bills whole seconds and writes them as integers; a fraction is kept as the vendor gave it.
    private static void putSeconds(ObjectNode node, double seconds) {
        if (seconds == Math.rint(seconds) && Math.abs(seconds) < Long.MAX_VALUE) {
            node.put("seconds", (long) seconds);
        } else {
            node.put("seconds", seconds);
        }
    }

    private static void putIfPresent(ObjectNode node, String name, Optional<Double> value) {
        value.ifPresent(number -> node.put(name, number));
    }

    private static String subtitles(Transcription transcription, ResponseFormat format) {
        if (transcription.segments().isEmpty()) {
            throw RequestRejected.badRequest("response_format", "This model returned no timed segments, so no "
                    + format.wireName() + " can be made from its answer; use json, text or verbose_json.");
        }
        return format == ResponseFormat.SRT
                ? SubtitleWriter.srt(transcription.segments())
                : SubtitleWriter.vtt(transcription.segments());
    }
}
