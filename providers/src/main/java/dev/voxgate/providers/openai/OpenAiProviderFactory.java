package dev.voxgate.providers.openai;

import dev.voxgate.providers.openaicompat.AudioFeatures;
import dev.voxgate.providers.openaicompat.ExtraFields;
import dev.voxgate.providers.openaicompat.KeyRequirement;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.openaicompat.OpenAiCompatProviderFactory;

/**
 * Provider {@code openai}: {@code POST {base}/audio/transcriptions} with {@code Authorization: Bearer <key>}.
 * The base is {@code api_base}, else {@code OPENAI_BASE_URL}, else {@code OPENAI_API_BASE}, else
 * {@value #DEFAULT_API_BASE}; the key is {@code api_key}, else {@code OPENAI_API_KEY}; {@code OPENAI_ORGANIZATION}
 * becomes the {@code OpenAI-Organization} header. Against OpenAI's own host a key is required; a self-hosted
 * OpenAI-compatible server at another {@code api_base} is called without one when none is set. Extra parameters:
 * OpenAI's ({@link ExtraFields#openAi()}) only, whatever the host; a self-hosted server that takes others is
 * {@code hosted_vllm}.
 *
 * <p>Stateless and thread-safe.
 */
public final class OpenAiProviderFactory extends OpenAiCompatProviderFactory {

    /** The provider id. */
    public static final String ID = "openai";

    /** OpenAI's API base when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.openai.com/v1";

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(ID)
            .apiKeyVariables("OPENAI_API_KEY")
            .apiBaseVariables("OPENAI_BASE_URL", "OPENAI_API_BASE")
            .defaultApiBase(DEFAULT_API_BASE)
            .keyRequirement(KeyRequirement.FOR_DEFAULT_HOST)
            .headerFromVariable("OpenAI-Organization", "OPENAI_ORGANIZATION")
            .extras(ExtraFields.openAi())
            // whisper-1 ignores stream=true; the gpt-4o transcribe family streams.
            .features(AudioFeatures.withTranslations().streaming(model -> !model.startsWith("whisper")))
            .build();

    public OpenAiProviderFactory() {
        super(PROFILE);
    }
}
