package dev.voxgate.providers.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.gemini.GeminiWire.Candidate;
import dev.voxgate.providers.gemini.GeminiWire.GenerateContentResponse;
import dev.voxgate.providers.gemini.GeminiWire.Part;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ParamSchema;
import dev.voxgate.providers.http.ProviderJson;
import dev.voxgate.providers.http.StandardField;
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.VettedRequest;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.Request;

/**
 * A general Gemini model ({@code gemini-2.5-flash}, {@code gemini-3-flash-preview}, …) asked for a transcript:
 * {@code POST /v1beta/models/{model}:generateContent} with one user turn of a transcription instruction (OpenAI's
 * {@code language} and {@code prompt} folded into it) and the audio, OpenAI's {@code temperature} as
 * {@code generationConfig.temperature}. The answer is the candidate's text and nothing else: such a model gives no
 * reliable timings, so its deployments declare no timestamps, words, segments or subtitles, and the router refuses
 * those before any call.
 *
 * <p>Stateless and thread-safe.
 */
final class GenerateContentCall implements GeminiCall {

    static final ParamSchema PARAMS = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.PROMPT, StandardField.TEMPERATURE).build();

    /** Its JSON answer, and text rendered from it; no timings. */
    static final Capabilities CAPABILITIES = Capabilities.builder()
            .nativeFormats(EnumSet.of(ResponseFormat.JSON))
            .renderedFormats(EnumSet.of(ResponseFormat.TEXT))
            .paramTypes(PARAMS.types().orElseThrow())
            .maxUploadBytes(AudioDelivery.MAX_FILE_BYTES)
            .build();

    // Without the last sentence, chat models add "Here is the transcript:" and stage directions.
    private static final String INSTRUCTION = "Transcribe the speech in this audio verbatim, in the language spoken. "
            + "Answer with the transcript only: no introduction, timestamps, speaker labels or notes.";

    @Override
    public Transcription transcribe(Deployment deployment, VettedRequest request, AudioPart audio,
                                    UpstreamCalls calls) {
        TranscriptionRequest kept = request.request();
        ObjectNode body = ProviderJson.object();
        ObjectNode turn = body.putArray("contents").addObject().put("role", "user");
        turn.putArray("parts").add(ProviderJson.object().put("text", instruction(kept))).add(audio.contentPart());
        kept.temperature().ifPresent(temperature -> body.putObject("generationConfig")
                .put("temperature", BigDecimal.valueOf(temperature)));
        String path = "v1beta/models/" + deployment.providerModel() + ":generateContent";
        return calls.send(new Request.Builder().url(calls.endpoint().url(path)).post(ProviderJson.body(body)),
                (answer, type) -> read(answer, kept.language()));
    }

    /** The instruction, with the caller's language and prompt, which Gemini reads as context, not as text to say. */
    static String instruction(TranscriptionRequest request) {
        StringBuilder instruction = new StringBuilder(INSTRUCTION);
        request.language().ifPresent(language -> instruction.append(" The speech is in the language with code '")
                .append(language).append("'."));
        request.prompt().ifPresent(prompt -> instruction.append(" Context for names, terms and spelling, "
                + "not to be transcribed: ").append(prompt));
        return instruction.toString();
    }

    private static Transcription read(String body, Optional<String> language) throws MalformedBodyException {
        GenerateContentResponse response = ProviderJson.readBody(body, GenerateContentResponse.class);
        if (response.candidates() == null || response.candidates().isEmpty()) {
            String blocked = response.promptFeedback() == null ? null : response.promptFeedback().blockReason();
            throw new MalformedBodyException(blocked == null ? "the answer has no candidate"
                    : "the prompt was blocked (" + blocked + ")");
        }
        Candidate candidate = response.candidates().getFirst();
        List<Part> parts = candidate.content() == null || candidate.content().parts() == null ? List.of()
                : candidate.content().parts();
        if (parts.stream().map(Part::text).allMatch(Objects::isNull)) {
            throw new MalformedBodyException("the candidate has no text (finishReason "
                    + candidate.finishReason() + ")");
        }
        String text = parts.stream().map(Part::text).filter(Objects::nonNull).collect(Collectors.joining()).strip();
        return new Transcription(text, language, Optional.empty(), List.of(), List.of(),
                Optional.ofNullable(response.usageMetadata()).map(GeminiWire.UsageMetadata::tokens),
                Optional.empty());
    }
}
