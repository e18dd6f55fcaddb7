package dev.voxgate.providers.hostedvllm;

import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.KeyRequirement;
import dev.voxgate.providers.http.ParamPlacement;
import dev.voxgate.providers.http.ParamSchema;
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

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(EndpointRules.builder(ID)
                    .keyVariables("HOSTED_VLLM_API_KEY")
                    .baseVariables("HOSTED_VLLM_API_BASE")
                    .keyRequirement(KeyRequirement.NEVER)
                    .build())
            .responseFormats(OpenAiCompatProfile.WHISPER_FORMATS)
            .params(ParamSchema.builder().allStandardFields().anyName(ParamPlacement.FORM).build())
            .build();

    public HostedVllmProviderFactory() {
        super(PROFILE);
    }
}
