package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * What sets one OpenAI-compatible vendor apart from another: where its URL comes from, how the key is sent, which
 * environment variables supply defaults, which response formats it can produce, which request fields it takes and
 * how it encodes them, and (for vendors whose answer is not OpenAI's) how its request is shaped and its answer read.
 * A vendor's rules live in its own package as hooks; the mechanisms they plug into live here.
 *
 * <p>Immutable, and thread-safe as its hooks are.
 *
 * @param providerId       the provider id, e.g. {@code openai}
 * @param apiKeyVariables  environment variables for the key, first set wins
 * @param apiBaseVariables environment variables for the base URL, first set wins
 * @param defaultApiBase   the base URL when neither the deployment nor the environment gives one
 * @param auth             the header that carries the key
 * @param keyRequirement   when a call without a key fails rather than being sent without one
 * @param layout           how the transcription URL is built from the base URL
 * @param responseFormats  the formats the vendor produces; others fail before any call
 * @param headerVariables  extra headers taken from environment variables (header name to variable)
 * @param standardFields   the OpenAI request fields the vendor takes; a caller's value for another is refused or,
 *                         with {@code drop_params}, dropped
 * @param arrayEncoding    how list fields ({@code timestamp_granularities}, array extras) go into the form
 * @param extras           the non-standard form fields the vendor takes from deployment or request parameters
 * @param shaper           the vendor's adjustments to a request before it is encoded
 * @param reader           reads the vendor's 2xx body into a transcription
 * @param features         translations and streaming, where the vendor offers them
 * @param maxUploadBytes   the largest audio file it takes, when it has a known limit
 * @param maxAudio         the longest audio it takes, when it has a known limit
 * @param models           what the vendor knows of its models, applied over the above per deployment
 */
public record OpenAiCompatProfile(
        String providerId,
        List<String> apiKeyVariables,
        List<String> apiBaseVariables,
        Optional<String> defaultApiBase,
        Auth auth,
        KeyRequirement keyRequirement,
        EndpointLayout layout,
        Set<ResponseFormat> responseFormats,
        Map<String, String> headerVariables,
        Set<StandardField> standardFields,
        ArrayEncoding arrayEncoding,
        ExtraFields extras,
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
        Objects.requireNonNull(providerId, "providerId");
        apiKeyVariables = List.copyOf(apiKeyVariables);
        apiBaseVariables = List.copyOf(apiBaseVariables);
        Objects.requireNonNull(defaultApiBase, "defaultApiBase");
        defaultApiBase.ifPresent(base -> {
            if (HttpUrl.parse(base) == null) {
                throw new IllegalArgumentException("defaultApiBase is not an http(s) URL: " + base);
            }
        });
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(keyRequirement, "keyRequirement");
        Objects.requireNonNull(layout, "layout");
        responseFormats = Set.copyOf(responseFormats);
        headerVariables = Map.copyOf(headerVariables);
        standardFields = Set.copyOf(standardFields);
        Objects.requireNonNull(arrayEncoding, "arrayEncoding");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(extras, "extras");
        Objects.requireNonNull(shaper, "shaper");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(maxUploadBytes, "maxUploadBytes");
        Objects.requireNonNull(maxAudio, "maxAudio");
        Objects.requireNonNull(models, "models");
    }

    /** This profile with what it knows of {@code model} applied, so the rest of the client need not ask again. */
    OpenAiCompatProfile forModel(String model) {
        OpenAiCompatProfileBuilder builder = toBuilder();
        models.adjust(model, builder);
        return builder.models(ModelRules.none()).build();
    }

    private OpenAiCompatProfileBuilder toBuilder() {
        OpenAiCompatProfileBuilder builder = new OpenAiCompatProfileBuilder(providerId).auth(auth).keyRequirement(keyRequirement).layout(layout)
                .responseFormats(responseFormats).standardFields(standardFields).arrayEncoding(arrayEncoding)
                .extras(extras).shaper(shaper).reader(reader).features(features)
                .maxUploadBytes(maxUploadBytes.orElse(null)).maxAudio(maxAudio.orElse(null)).models(models);
        builder.apiKeyVariables.addAll(apiKeyVariables);
        builder.apiBaseVariables.addAll(apiBaseVariables);
        builder.defaultApiBase = defaultApiBase.orElse(null);
        builder.headerVariables.putAll(headerVariables);
        return builder;
    }

    /**
     * A profile of {@code providerId} with OpenAI's defaults: bearer key, always required, all formats, every standard
     * field, arrays as repeated {@code name[]} parts, OpenAI's answer; no extras, so a vendor declares each it takes.
     */
    public static OpenAiCompatProfileBuilder builder(String providerId) {
        return new OpenAiCompatProfileBuilder(providerId);
    }

    /** The header that carries the key: {@code name: prefix + key}. */
    public record Auth(String header, String prefix) {
        public Auth {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(prefix, "prefix");
        }

        /** {@code Authorization: Bearer <key>}. */
        public static Auth bearer() {
            return new Auth("Authorization", "Bearer ");
        }

        /** The key alone in header {@code name}, e.g. Azure's {@code api-key}. */
        public static Auth header(String name) {
            return new Auth(name, "");
        }

        String value(Secret key) {
            return prefix + key.reveal();
        }
    }
}
