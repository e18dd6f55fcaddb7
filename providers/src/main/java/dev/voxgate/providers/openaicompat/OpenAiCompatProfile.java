package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
        Builder builder = toBuilder();
        models.adjust(model, builder);
        return builder.models(ModelRules.none()).build();
    }

    private Builder toBuilder() {
        Builder builder = new Builder(providerId).auth(auth).keyRequirement(keyRequirement).layout(layout)
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
    public static Builder builder(String providerId) {
        return new Builder(providerId);
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

    /** Builds an {@link OpenAiCompatProfile}; not thread-safe. */
    public static final class Builder {
        private final String providerId;
        private final List<String> apiKeyVariables = new ArrayList<>();
        private final List<String> apiBaseVariables = new ArrayList<>();
        private String defaultApiBase;
        private Auth auth = Auth.bearer();
        private KeyRequirement keyRequirement = KeyRequirement.ALWAYS;
        private EndpointLayout layout = EndpointLayout.openAi();
        private final Set<ResponseFormat> responseFormats = EnumSet.allOf(ResponseFormat.class);
        private final Map<String, String> headerVariables = new LinkedHashMap<>();
        private final Set<StandardField> standardFields = EnumSet.allOf(StandardField.class);
        private ArrayEncoding arrayEncoding = ArrayEncoding.BRACKETED;
        private ExtraFields extras = ExtraFields.none();
        private RequestShaper shaper = RequestShaper.unchanged();
        private ResponseReader reader = TranscriptionReader::read;
        private AudioFeatures features = AudioFeatures.withTranslations();
        private Long maxUploadBytes;
        private Duration maxAudio;
        private ModelRules models = ModelRules.none();

        private Builder(String providerId) {
            this.providerId = providerId;
        }

        public Builder apiKeyVariables(String... names) {
            apiKeyVariables.addAll(List.of(names));
            return this;
        }

        public Builder apiBaseVariables(String... names) {
            apiBaseVariables.addAll(List.of(names));
            return this;
        }

        public Builder defaultApiBase(String base) {
            this.defaultApiBase = base;
            return this;
        }

        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        public Builder keyRequirement(KeyRequirement requirement) {
            this.keyRequirement = requirement;
            return this;
        }

        public Builder features(AudioFeatures features) {
            this.features = features;
            return this;
        }

        /** Whether this model streams, translations as they were: for {@link ModelRules} that know the model. */
        public Builder streaming(boolean streams) {
            this.features = features.streaming(model -> streams);
            return this;
        }

        /** The largest audio file it takes; {@code null} when it has no known limit. */
        public Builder maxUploadBytes(Long bytes) {
            this.maxUploadBytes = bytes;
            return this;
        }

        /** The longest audio it takes; {@code null} when it has no known limit. */
        public Builder maxAudio(Duration length) {
            this.maxAudio = length;
            return this;
        }

        /** What the vendor knows of its models, applied per deployment over the rest of this profile. */
        public Builder models(ModelRules rules) {
            this.models = rules;
            return this;
        }

        public Builder layout(EndpointLayout layout) {
            this.layout = layout;
            return this;
        }

        public Builder responseFormats(Set<ResponseFormat> formats) {
            responseFormats.clear();
            responseFormats.addAll(formats);
            return this;
        }

        public Builder headerFromVariable(String header, String variable) {
            headerVariables.put(header, variable);
            return this;
        }

        /** The standard fields the vendor takes; {@code file} and {@code model} are always sent. */
        public Builder standardFields(Set<StandardField> fields) {
            standardFields.clear();
            standardFields.addAll(fields);
            return this;
        }

        public Builder arrayEncoding(ArrayEncoding encoding) {
            this.arrayEncoding = encoding;
            return this;
        }

        public Builder extras(ExtraFields accepted) {
            this.extras = accepted;
            return this;
        }

        public Builder shaper(RequestShaper shaper) {
            this.shaper = shaper;
            return this;
        }

        public Builder reader(ResponseReader reader) {
            this.reader = reader;
            return this;
        }

        public OpenAiCompatProfile build() {
            return new OpenAiCompatProfile(providerId, apiKeyVariables, apiBaseVariables,
                    Optional.ofNullable(defaultApiBase), auth, keyRequirement, layout, responseFormats,
                    headerVariables, standardFields, arrayEncoding, extras, shaper, reader, features,
                    Optional.ofNullable(maxUploadBytes), Optional.ofNullable(maxAudio), models);
        }
    }
}
