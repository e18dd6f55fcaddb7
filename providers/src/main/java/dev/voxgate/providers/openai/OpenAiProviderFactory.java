package dev.voxgate.providers.openai;

import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.KeyRequirement;
import dev.voxgate.providers.openaicompat.AudioFeatures;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.openaicompat.OpenAiCompatProviderFactory;
import dev.voxgate.providers.openaicompat.OpenAiModels;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Provider {@code openai}: {@code POST {base}/audio/transcriptions} with {@code Authorization: Bearer <key>}.
 * The base is {@code api_base}, else {@code OPENAI_BASE_URL}, else {@code OPENAI_API_BASE}, else
 * {@value #DEFAULT_API_BASE}; the key is {@code api_key}, else {@code OPENAI_API_KEY}; {@code OPENAI_ORGANIZATION}
 * becomes the {@code OpenAI-Organization} header. Against OpenAI's own host a key is required; a self-hosted
 * OpenAI-compatible server at another {@code api_base} is called without one when none is set. Parameters:
 * OpenAI's ({@link OpenAiModels#params()}) only, whatever the host; a self-hosted server that takes others is
 * {@code hosted_vllm}. Per model ({@link OpenAiModels}): {@code whisper-1} writes every Whisper format and takes
 * {@code chunking_strategy}; {@code gpt-4o(-mini)-transcribe} write json and text, stream, and take
 * {@code include[]} and {@code chunking_strategy} but no timestamp granularities; {@code gpt-4o-transcribe-diarize}
 * writes json, text and diarized_json, without prompt or granularities; {@code gpt-transcribe} writes json and text,
 * takes {@code prompt}, {@code keywords[]} and {@code languages[]} (a caller's {@code language} is sent as
 * {@code languages[]}) and no temperature or granularities.
 *
 * <p>Stateless and thread-safe.
 */
public final class OpenAiProviderFactory extends OpenAiCompatProviderFactory {

    /** The provider id. */
    public static final String ID = "openai";

    /** OpenAI's API base when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.openai.com/v1";

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(EndpointRules.builder(ID)
                    .keyVariables("OPENAI_API_KEY")
                    .baseVariables("OPENAI_BASE_URL", "OPENAI_API_BASE")
                    .defaultBase(DEFAULT_API_BASE)
                    .keyRequirement(KeyRequirement.FOR_DEFAULT_HOST)
                    .headerFromVariable("OpenAI-Organization", "OPENAI_ORGANIZATION")
                    .build())
            .params(OpenAiModels.params())
            // whisper-1 ignores stream=true; the gpt-4o transcribe family streams. A name not known to OpenAiModels
            // (a self-hosted server) keeps these defaults: Whisper's fields and formats, streaming unless whisper.
            .features(AudioFeatures.withTranslations().streaming(model -> !model.startsWith("whisper")))
            .models(OpenAiModels.rules())
            .build();

    public OpenAiProviderFactory() {
        super(PROFILE);
    }

    /**
     * The day OpenAI shuts {@code model} down, when it has announced one, so that the proxy can warn of a deployment
     * about to stop working: 2027-02-26 for {@code whisper-1}, {@code gpt-4o-transcribe},
     * {@code gpt-4o-mini-transcribe} and {@code gpt-4o-transcribe-diarize} (dated snapshots such as
     * {@code gpt-4o-mini-transcribe-2025-12-15} included), the day {@code /v1/audio/translations} retires too; empty
     * for {@code gpt-transcribe} and for any name OpenAI has not announced, such as a self-hosted server's model.
     */
    public static Optional<LocalDate> shutdownDate(String model) {
        return OpenAiModels.shutdownDate(model);
    }
}
