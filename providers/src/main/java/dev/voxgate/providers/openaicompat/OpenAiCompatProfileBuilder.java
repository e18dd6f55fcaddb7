package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.ResponseFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds an {@link OpenAiCompatProfile}; not thread-safe. */
public final class OpenAiCompatProfileBuilder {
    private final String providerId;
    final List<String> apiKeyVariables = new ArrayList<>();
    final List<String> apiBaseVariables = new ArrayList<>();
    String defaultApiBase;
    private OpenAiCompatProfile.Auth auth = OpenAiCompatProfile.Auth.bearer();
    private KeyRequirement keyRequirement = KeyRequirement.ALWAYS;
    private EndpointLayout layout = EndpointLayout.openAi();
    private final Set<ResponseFormat> responseFormats = EnumSet.allOf(ResponseFormat.class);
    final Map<String, String> headerVariables = new LinkedHashMap<>();
    private final Set<StandardField> standardFields = EnumSet.allOf(StandardField.class);
    private ArrayEncoding arrayEncoding = ArrayEncoding.BRACKETED;
    private ExtraFields extras = ExtraFields.none();
    private RequestShaper shaper = RequestShaper.unchanged();
    private ResponseReader reader = TranscriptionReader::read;
    private AudioFeatures features = AudioFeatures.withTranslations();
    private Long maxUploadBytes;
    private Duration maxAudio;
    private ModelRules models = ModelRules.none();

    OpenAiCompatProfileBuilder(String providerId) {
        this.providerId = providerId;
    }

    public OpenAiCompatProfileBuilder apiKeyVariables(String... names) {
        apiKeyVariables.addAll(List.of(names));
        return this;
    }

    public OpenAiCompatProfileBuilder apiBaseVariables(String... names) {
        apiBaseVariables.addAll(List.of(names));
        return this;
    }

    public OpenAiCompatProfileBuilder defaultApiBase(String base) {
        this.defaultApiBase = base;
        return this;
    }

    public OpenAiCompatProfileBuilder auth(OpenAiCompatProfile.Auth auth) {
        this.auth = auth;
        return this;
    }

    public OpenAiCompatProfileBuilder keyRequirement(KeyRequirement requirement) {
        this.keyRequirement = requirement;
        return this;
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

    public OpenAiCompatProfileBuilder headerFromVariable(String header, String variable) {
        headerVariables.put(header, variable);
        return this;
    }

    /** The standard fields the vendor takes; {@code file} and {@code model} are always sent. */
    public OpenAiCompatProfileBuilder standardFields(Set<StandardField> fields) {
        standardFields.clear();
        standardFields.addAll(fields);
        return this;
    }

    public OpenAiCompatProfileBuilder arrayEncoding(ArrayEncoding encoding) {
        this.arrayEncoding = encoding;
        return this;
    }

    public OpenAiCompatProfileBuilder extras(ExtraFields accepted) {
        this.extras = accepted;
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
        return new OpenAiCompatProfile(providerId, apiKeyVariables, apiBaseVariables,
                Optional.ofNullable(defaultApiBase), auth, keyRequirement, layout, responseFormats,
                headerVariables, standardFields, arrayEncoding, extras, shaper, reader, features,
                Optional.ofNullable(maxUploadBytes), Optional.ofNullable(maxAudio), models);
    }
}
