package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.providers.http.ArrayEncoding;
import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.ParamSchema;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What sets one OpenAI-compatible vendor apart from another: where it is and how it takes its key, how its URL is
 * built, which response formats it can produce, which request fields and parameters it takes and how it encodes
 * lists, and (for vendors whose answer is not OpenAI's) how its request is shaped and its answer read. A vendor's
 * rules live in its own package as hooks; the mechanisms they plug into live here and in {@code providers.http}.
 *
 * <p>Immutable, and thread-safe as its hooks are.
 *
 * @param endpoint        where the vendor is and how it takes its key
 * @param layout          how the transcription URL is built from the resolved endpoint
 * @param responseFormats the formats the vendor produces; others fail before any call
 * @param params          the OpenAI fields and the parameters the vendor takes; a caller's value for another is
 *                        refused or, with {@code drop_params}, dropped
 * @param arrayEncoding   how lists ({@code timestamp_granularities}, list parameters) go into the form
 * @param shaper          the vendor's adjustments to a request before it is encoded
 * @param reader          reads the vendor's 2xx body into a transcription
 * @param features        translations and streaming, where the vendor offers them
 * @param maxUploadBytes  the largest audio file it takes, when it has a known limit
 * @param maxAudio        the longest audio it takes, when it has a known limit
 * @param models          what the vendor knows of its models, applied over the above per deployment
 */
public record OpenAiCompatProfile(
        EndpointRules endpoint,
        EndpointLayout layout,
        Set<ResponseFormat> responseFormats,
        ParamSchema params,
        ArrayEncoding arrayEncoding,
        RequestShaper shaper,
        ResponseReader reader,
        AudioFeatures features,
        Optional<Long> maxUploadBytes,
        Optional<Duration> maxAudio,
        ModelRules models) {

    /** The formats Whisper itself writes: all of OpenAI's but {@code diarized_json}. */
    public static final Set<ResponseFormat> WHISPER_FORMATS = Set.copyOf(EnumSet.complementOf(
            EnumSet.of(ResponseFormat.DIARIZED_JSON)));

    public OpenAiCompatProfile {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(layout, "layout");
        responseFormats = Set.copyOf(responseFormats);
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(arrayEncoding, "arrayEncoding");
        Objects.requireNonNull(shaper, "shaper");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(maxUploadBytes, "maxUploadBytes");
        Objects.requireNonNull(maxAudio, "maxAudio");
        Objects.requireNonNull(models, "models");
    }

    /** The provider id, e.g. {@code openai}. */
    public String providerId() {
        return endpoint.providerId();
    }

    /** This profile with what it knows of {@code model} applied, so the rest of the client need not ask again. */
    OpenAiCompatProfile forModel(String model) {
        OpenAiCompatProfileBuilder builder = new OpenAiCompatProfileBuilder(endpoint).layout(layout)
                .responseFormats(responseFormats).params(params).arrayEncoding(arrayEncoding).shaper(shaper)
                .reader(reader).features(features).maxUploadBytes(maxUploadBytes.orElse(null))
                .maxAudio(maxAudio.orElse(null));
        models.adjust(model, builder);
        return builder.build();
    }

    /**
     * A profile of the vendor at {@code endpoint} with OpenAI's defaults: all formats, every OpenAI field and no
     * parameter of its own (so a vendor declares each it takes), lists as repeated {@code name[]} parts, OpenAI's
     * answer, translations.
     */
    public static OpenAiCompatProfileBuilder builder(EndpointRules endpoint) {
        return new OpenAiCompatProfileBuilder(endpoint);
    }
}
