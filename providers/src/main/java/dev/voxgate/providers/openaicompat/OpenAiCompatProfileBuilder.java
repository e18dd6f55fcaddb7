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

/** Builds an {@link OpenAiCompatProfile}; not thread-safe. */
public final class OpenAiCompatProfileBuilder {
    private final EndpointRules endpoint;
    private EndpointLayout layout = EndpointLayout.openAi();
    private final Set<ResponseFormat> responseFormats = EnumSet.allOf(ResponseFormat.class);
    private ParamSchema params = ParamSchema.standardFieldsOnly();
    private ArrayEncoding arrayEncoding = ArrayEncoding.BRACKETED;
    private RequestShaper shaper = RequestShaper.unchanged();
    private ResponseReader reader = TranscriptionReader::read;
    private AudioFeatures features = AudioFeatures.withTranslations();
    private Long maxUploadBytes;
    private Duration maxAudio;
    private ModelRules models = ModelRules.none();

    OpenAiCompatProfileBuilder(EndpointRules endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    public OpenAiCompatProfileBuilder features(AudioFeatures features) {
        this.features = features;
        return this;
    }

    /** Whether this model streams, translations as they were: for {@link ModelRules} that know the model. */
    public OpenAiCompatProfileBuilder streaming(boolean streams) {
        this.features = features.streaming(model -> streams);
        return this;
    }

    /** The largest audio file it takes; {@code null} when it has no known limit. */
    public OpenAiCompatProfileBuilder maxUploadBytes(Long bytes) {
        this.maxUploadBytes = bytes;
        return this;
    }

    /** The longest audio it takes; {@code null} when it has no known limit. */
    public OpenAiCompatProfileBuilder maxAudio(Duration length) {
        this.maxAudio = length;
        return this;
    }

    /** What the vendor knows of its models, applied per deployment over the rest of this profile. */
    public OpenAiCompatProfileBuilder models(ModelRules rules) {
        this.models = rules;
        return this;
    }

    public OpenAiCompatProfileBuilder layout(EndpointLayout layout) {
        this.layout = layout;
        return this;
    }

    public OpenAiCompatProfileBuilder responseFormats(Set<ResponseFormat> formats) {
        responseFormats.clear();
        responseFormats.addAll(formats);
        return this;
    }

    /** The OpenAI fields and the parameters the vendor takes; {@code file} and {@code model} are always sent. */
    public OpenAiCompatProfileBuilder params(ParamSchema schema) {
        this.params = schema;
        return this;
    }

    public OpenAiCompatProfileBuilder arrayEncoding(ArrayEncoding encoding) {
        this.arrayEncoding = encoding;
        return this;
    }

    public OpenAiCompatProfileBuilder shaper(RequestShaper shaper) {
        this.shaper = shaper;
        return this;
    }

    public OpenAiCompatProfileBuilder reader(ResponseReader reader) {
        this.reader = reader;
        return this;
    }

    public OpenAiCompatProfile build() {
        return new OpenAiCompatProfile(endpoint, layout, responseFormats, params, arrayEncoding, shaper, reader,
                features, Optional.ofNullable(maxUploadBytes), Optional.ofNullable(maxAudio), models);
    }
}
