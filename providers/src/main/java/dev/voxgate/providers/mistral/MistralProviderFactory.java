package dev.voxgate.providers.mistral;

import dev.voxgate.core.model.ParamType;
import dev.voxgate.providers.http.ArrayEncoding;
import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.ParamSchema;
import dev.voxgate.providers.http.StandardField;
import dev.voxgate.providers.openaicompat.AudioFeatures;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.openaicompat.OpenAiCompatProviderFactory;

/**
 * Provider {@code mistral} (Voxtral): {@code POST {base}/audio/transcriptions} with {@code Authorization: Bearer
 * <key>}. The base is {@code api_base}, else {@code MISTRAL_API_BASE}, else {@value #DEFAULT_API_BASE}; the key is
 * {@code api_key}, else {@code MISTRAL_API_KEY}, and is always required.
 *
 * <p>Mistral's form has {@code file}, {@code model}, {@code language} (ISO-639-1; see {@link MistralRequestShaper}),
 * {@code temperature}, {@code timestamp_granularities} (repeated plain parts, as mistralai's client sends lists) and
 * the parameters {@code diarize} (true or false) and {@code context_bias} (a list, one part per term); it has no {@code prompt} (refused unless {@code drop_params})
 * and no {@code response_format} (never sent). It always answers one JSON shape, read by
 * {@link MistralTranscriptionReader}; the proxy renders text, srt, vtt and verbose_json from it.
 *
 * <p>Stateless and thread-safe.
 */
public final class MistralProviderFactory extends OpenAiCompatProviderFactory {

    /** The provider id. */
    public static final String ID = "mistral";

    /** Mistral's API base when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.mistral.ai/v1";

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(EndpointRules.builder(ID)
                    .keyVariables("MISTRAL_API_KEY")
                    .baseVariables("MISTRAL_API_BASE")
                    .defaultBase(DEFAULT_API_BASE)
                    .build())
            .responseFormats(OpenAiCompatProfile.WHISPER_FORMATS)
            .params(ParamSchema.builder()
                    .standardFields(StandardField.LANGUAGE, StandardField.TEMPERATURE,
                            StandardField.TIMESTAMP_GRANULARITIES)
                    .form(ParamType.BOOLEAN, "diarize")
                    .form(ParamType.LIST, "context_bias")
                    .build())
            .arrayEncoding(ArrayEncoding.REPEATED)
            .shaper(MistralRequestShaper::shape)
            .reader(MistralTranscriptionReader::read)
            .features(AudioFeatures.transcriptionOnly())
            .build();

    public MistralProviderFactory() {
        super(PROFILE);
    }
}
