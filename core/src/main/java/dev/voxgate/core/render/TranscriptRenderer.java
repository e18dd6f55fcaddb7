package dev.voxgate.core.render;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import java.util.Optional;

/**
 * Writes a {@link Transcription} the way OpenAI answers in each {@code response_format}: {@code json} and
 * {@code verbose_json} objects, plain {@code text}, and {@code srt}/{@code vtt} subtitles. A vendor's own text body
 * is passed through unchanged; subtitles are otherwise built from the segments. The proxy sends exactly these
 * bodies, so an SDK or embedded-router user who writes them gets what a proxy client would.
 *
 * <p>Stateless and thread-safe.
 */
public final class TranscriptRenderer {

    private TranscriptRenderer() {
    }

    /**
     * The body and {@code Content-Type} of {@code transcription} in {@code format}.
     *
     * @throws TranscriptionException with {@link TranscriptionFailure.InvalidRequest} on {@code response_format}
     *                                when subtitles are asked of a transcript with no timed segments
     */
    public static RenderedTranscript render(Transcription transcription, ResponseFormat format) {
        String body = switch (format) {
            case JSON -> json(transcription);
            case VERBOSE_JSON, DIARIZED_JSON -> verboseJson(transcription);
            case TEXT -> transcription.formattedBody().orElseGet(() -> transcription.text() + "\n");
            case SRT, VTT -> transcription.formattedBody().orElseGet(() -> subtitles(transcription, format));
        };
        return new RenderedTranscript(format.contentType(), body);
    }

    /** OpenAI's streamed {@code transcript.text.delta} event for a piece of text, as JSON. */
    public static String deltaEvent(String delta) {
        return new JsonWriter().beginObject().name("type").value("transcript.text.delta").name("delta").value(delta)
                .endObject().toString();
    }

    /** OpenAI's streamed {@code transcript.text.done} event, the whole text and what the vendor billed, as JSON. */
    public static String doneEvent(Transcription transcription) {
        JsonWriter out = new JsonWriter().beginObject().name("type").value("transcript.text.done")
                .name("text").value(transcription.text());
        transcription.usage().ifPresent(usage -> usage(out.name("usage"), usage, Optional.empty()));
        return out.endObject().toString();
    }

    private static String json(Transcription transcription) {
        JsonWriter out = new JsonWriter().beginObject().name("text").value(transcription.text());
        languages(out, transcription);
        answerUsage(out, transcription);
        return out.endObject().toString();
    }

    private static String verboseJson(Transcription transcription) {
        JsonWriter out = new JsonWriter().beginObject().name("task").value("transcribe");
        transcription.language().ifPresent(language -> out.name("language").value(language));
        languages(out, transcription);
        transcription.durationSeconds().ifPresent(duration -> out.name("duration").value(duration));
        out.name("text").value(transcription.text());
        if (!transcription.segments().isEmpty()) {
            out.name("segments").beginArray();
            transcription.segments().forEach(segment -> segment(out, segment));
            out.endArray();
        }
        if (!transcription.words().isEmpty()) {
            out.name("words").beginArray();
            transcription.words().forEach(word -> word(out, word));
            out.endArray();
        }
        answerUsage(out, transcription);
        return out.endObject().toString();
    }

    private static void segment(JsonWriter out, Transcription.Segment segment) {
        out.beginObject().name("id").value(segment.id());
        segment.seek().ifPresent(seek -> out.name("seek").value(seek));
        out.name("start").value(segment.start()).name("end").value(segment.end()).name("text").value(segment.text());
        if (!segment.tokens().isEmpty()) {
            out.name("tokens").beginArray();
            segment.tokens().forEach(token -> out.value(token));
            out.endArray();
        }
        putIfPresent(out, "temperature", segment.temperature());
        putIfPresent(out, "avg_logprob", segment.avgLogprob());
        putIfPresent(out, "compression_ratio", segment.compressionRatio());
        putIfPresent(out, "no_speech_prob", segment.noSpeechProb());
        segment.speaker().ifPresent(speaker -> out.name("speaker").value(speaker));
        out.endObject();
    }

    private static void word(JsonWriter out, Transcription.Word word) {
        out.beginObject().name("word").value(word.word()).name("start").value(word.start())
                .name("end").value(word.end());
        word.speaker().ifPresent(speaker -> out.name("speaker").value(speaker));
        putIfPresent(out, "confidence", word.confidence());
        out.endObject();
    }

    private static void languages(JsonWriter out, Transcription transcription) {
        if (!transcription.languages().isEmpty()) {
            out.name("languages").beginArray();
            transcription.languages().forEach(out::value);
            out.endArray();
        }
    }

    // One shape from every vendor: a json or verbose_json answer says how long the audio was whenever that is known,
    // in what the vendor billed (its tokens gain the seconds) or, when it billed nothing, as a duration.
    private static void answerUsage(JsonWriter out, Transcription transcription) {
        Optional<Double> seconds = transcription.audioSeconds();
        if (transcription.usage().isPresent()) {
            usage(out.name("usage"), transcription.usage().get(), seconds);
        } else {
            seconds.ifPresent(known -> usage(out.name("usage"), new Transcription.Usage.Duration(known),
                    Optional.empty()));
        }
    }

    // OpenAI's usage object for what the vendor billed; tokens end with the audio's seconds when they are given.
    private static void usage(JsonWriter out, Transcription.Usage usage, Optional<Double> tokensSeconds) {
        out.beginObject();
        switch (usage) {
            case Transcription.Usage.Duration duration -> seconds(out.name("type").value("duration"), duration.seconds());
            case Transcription.Usage.Tokens tokens -> {
                out.name("type").value("tokens").name("input_tokens").value(tokens.inputTokens());
                if (tokens.audioTokens().isPresent() || tokens.textTokens().isPresent()) {
                    out.name("input_token_details").beginObject();
                    tokens.textTokens().ifPresent(text -> out.name("text_tokens").value(text));
                    tokens.audioTokens().ifPresent(audio -> out.name("audio_tokens").value(audio));
                    out.endObject();
                }
                out.name("output_tokens").value(tokens.outputTokens()).name("total_tokens").value(tokens.totalTokens());
                tokensSeconds.ifPresent(seconds -> seconds(out, seconds));
            }
        }
        out.endObject();
    }

    // OpenAI bills whole seconds and writes them as integers; a fraction is kept as the vendor gave it.
    private static void seconds(JsonWriter out, double seconds) {
        out.name("seconds");
        if (seconds == Math.rint(seconds) && Math.abs(seconds) < Long.MAX_VALUE) {
            out.value((long) seconds);
        } else {
            out.value(seconds);
        }
    }

    private static void putIfPresent(JsonWriter out, String name, Optional<Double> value) {
        value.ifPresent(number -> out.name(name).value(number));
    }

    private static String subtitles(Transcription transcription, ResponseFormat format) {
        if (transcription.segments().isEmpty()) {
            throw new TranscriptionException(TranscriptionFailure.InvalidRequest.ofParam("response_format",
                    "This model returned no timed segments, so no " + format.wireName()
                            + " can be made from its answer; use json, text or verbose_json."));
        }
        return format == ResponseFormat.SRT
                ? SubtitleWriter.srt(transcription.segments())
                : SubtitleWriter.vtt(transcription.segments());
    }
}
