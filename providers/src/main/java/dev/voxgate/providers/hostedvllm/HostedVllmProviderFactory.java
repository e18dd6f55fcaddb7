package dev.voxgate.providers.hostedvllm;

import dev.voxgate.providers.openaicompat.ExtraFields;
import dev.voxgate.providers.openaicompat.KeyRequirement;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.openaicompat.OpenAiCompatProviderFactory;

/**
 * Provider {@code hosted_vllm}: a self-hosted OpenAI-compatible server (vLLM, and equally whisper.cpp's
 * {@code whisper-server} or speaches), {@code POST {base}/audio/transcriptions}. The base is {@code api_base}, else
 * {@code HOSTED_VLLM_API_BASE}; there is no default, so without one every call fails naming
 * {@code litellm_params.api_base}. The key is {@code api_key}, else {@code HOSTED_VLLM_API_KEY}, sent as a bearer
 * token only when set. json, text, srt, verbose_json and vtt; every standard field; any extra parameter, sent as
 * given, since what a server takes differs from build to build.
 *
 * <p>Stateless and thread-safe.
 */
public final class HostedVllmProviderFactory extends OpenAiCompatProviderFactory {

    /** The provider id, as LiteLLM spells it. */
    public static final String ID = "hosted_vllm";

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(ID)
            .apiKeyVariables("HOSTED_VLLM_API_KEY")
            .apiBaseVariables("HOSTED_VLLM_API_BASE")
            .keyRequirement(KeyRequirement.NEVER)
            .responseFormats(OpenAiCompatProfile.WHISPER_FORMATS)
            .extras(ExtraFields.any())
            .build();

    public HostedVllmProviderFactory() {
        super(PROFILE);
    }
}
