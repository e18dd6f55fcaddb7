package dev.voxgate.providers.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.gemini.GeminiWire.Annotation;
import dev.voxgate.providers.gemini.GeminiWire.Interaction;
import dev.voxgate.providers.gemini.GeminiWire.StepContent;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ParamPlacement;
import dev.voxgate.providers.http.ParamSchema;
import dev.voxgate.providers.http.ProviderJson;
import dev.voxgate.providers.http.SpeakerTurns;
import dev.voxgate.providers.http.StandardField;
import dev.voxgate.providers.http.TimedJson;
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.VettedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Request;

/**
 * Google's dedicated speech-to-text model, {@code gemini-3.5-transcribe}: {@code POST /v1beta/interactions} with the
 * audio as the one input and {@code generation_config.transcription_config}: OpenAI's {@code language} as
 * {@code language_codes: [<language>]}, Gemini's {@code language_codes} and {@code custom_vocabulary} as given, and,
 * when the answer needs timings (a timed format, or word or segment granularities), the verbatim mode with
 * {@code timestamp_granularities: ["word"]}, plus {@code diarization_mode: "speaker"} for {@code diarized_json}.
 * Words come from the answer's {@code word_info} annotations, segments are grouped from them; the request carries
 * {@code Api-Revision}, the Interactions API's revision, pinned to the one LiteLLM sends (the API changed shape in
 * May 2026), so that a later revision cannot change the answer under us.
 *
 * <p>Stateless and thread-safe.
 */
final class InteractionCall implements GeminiCall {

    static final String API_REVISION = "2026-05-20";
    private static final String LANGUAGE_CODES = "language_codes";
    private static final Pattern OFFSET = Pattern.compile("(\\d+(?:\\.\\d+)?)s");

    static final ParamSchema PARAMS = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.TIMESTAMP_GRANULARITIES)
            .param(ParamPlacement.JSON, ParamType.LIST, LANGUAGE_CODES, "custom_vocabulary")
            .build();

    /**
     * Its JSON answer, from which the proxy renders every other format; timed words and segments, speakers; an hour
     * of audio at most (Google halves it with timestamps or speakers, which it then refuses itself).
     */
    static final Capabilities CAPABILITIES = TimedJson.builder(PARAMS).maxAudio(Duration.ofHours(1))
            .maxUploadBytes(AudioDelivery.MAX_FILE_BYTES).build();

    /** Whether {@code deployment}'s model is the one the Interactions API transcribes with. */
    static boolean serves(Deployment deployment) {
        return deployment.providerModel().startsWith("gemini-3.5-transcribe");
    }

    @Override
    public Transcription transcribe(Deployment deployment, VettedRequest request, AudioPart audio,
                                    UpstreamCalls calls) {
        TranscriptionRequest kept = request.request();
        ObjectNode body = ProviderJson.object().put("model", deployment.providerModel());
        body.putArray("input").add(audio.interactionInput());
        ObjectNode config = ProviderJson.object();
        kept.language().ifPresent(language -> config.putArray(LANGUAGE_CODES).add(language));
        (kept.language().isPresent() ? request.without(LANGUAGE_CODES) : request).writeJson(config);
        if (TimedJson.needsSegments(kept.responseFormat()) || !kept.timestampGranularities().isEmpty()) {
            ObjectNode mode = config.putObject("mode").put("type", "verbatim");
            mode.putArray("timestamp_granularities").add("word");
            if (kept.responseFormat() == ResponseFormat.DIARIZED_JSON) {
                mode.put("diarization_mode", "speaker");
            }
        }
        if (!config.isEmpty()) {
            body.putObject("generation_config").set("transcription_config", config);
        }
        return calls.send(new Request.Builder().url(calls.endpoint().url("v1beta/interactions"))
                        .header("Api-Revision", API_REVISION).post(ProviderJson.body(body)),
                (answer, type) -> read(answer, kept.language()));
    }

    private static Transcription read(String body, Optional<String> language) throws MalformedBodyException {
        Interaction interaction = ProviderJson.readBody(body, Interaction.class);
        if (!"completed".equals(interaction.status())) {
            throw new MalformedBodyException("the interaction is '" + interaction.status() + "', not completed");
        }
        List<StepContent> texts = Optional.ofNullable(interaction.steps()).orElse(List.of()).stream()
                .filter(step -> step != null && step.content() != null)
                .flatMap(step -> step.content().stream())
                .filter(content -> content != null && "text".equals(content.type()) && content.text() != null)
                .toList();
        if (texts.isEmpty()) {
            throw new MalformedBodyException("the interaction has no text output");
        }
        List<Word> words = new ArrayList<>();
        for (StepContent content : texts) {
            for (Annotation annotation : Optional.ofNullable(content.annotations()).orElse(List.of())) {
                word(annotation).ifPresent(words::add);
            }
        }
        String text = texts.stream().map(StepContent::text).collect(Collectors.joining(" ")).strip();
        return new Transcription(text, language, Optional.empty(),
                SpeakerTurns.of(words, Collections.nCopies(words.size(), " ")), words,
                Optional.ofNullable(interaction.usage()).map(GeminiWire.InteractionUsage::tokens), Optional.empty());
    }

    /** A timed word; an annotation without both offsets (no timestamps were asked for) is none. */
    private static Optional<Word> word(Annotation annotation) throws MalformedBodyException {
        if (annotation == null || !annotation.isWord() || annotation.startOffset() == null
                || annotation.endOffset() == null) {
            return Optional.empty();
        }
        return Optional.of(new Word(annotation.text(), seconds(annotation.startOffset()),
                seconds(annotation.endOffset()), Optional.ofNullable(annotation.speaker()), Optional.empty()));
    }

    /** {@code "1.250s"}, protobuf's JSON form of a duration, in seconds. */
    private static double seconds(String offset) throws MalformedBodyException {
        Matcher matcher = OFFSET.matcher(Objects.requireNonNull(offset).strip());
        if (!matcher.matches()) {
            throw new MalformedBodyException("a word offset is not a duration: '" + offset + "'");
        }
        return Double.parseDouble(matcher.group(1));
    }
}
