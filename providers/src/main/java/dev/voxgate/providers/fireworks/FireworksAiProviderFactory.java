package dev.voxgate.providers.fireworks;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.providers.http.ArrayEncoding;
import dev.voxgate.providers.http.Endpoint;
import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.ParamSchema;
import dev.voxgate.providers.openaicompat.EndpointLayout;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.openaicompat.OpenAiCompatProviderFactory;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Provider {@code fireworks_ai}: {@code POST {base}/audio/transcriptions} with {@code Authorization: Bearer <key>}.
 * The base is {@code api_base}, else {@code FIREWORKS_AI_API_BASE}, else {@code FIREWORKS_API_BASE}, else
 * {@value #DEFAULT_API_BASE}; on that default host a {@code whisper-v3-turbo} model is sent to Fireworks' turbo host
 * ({@value #TURBO_HOST}), as each serverless host serves one model. The key is {@code api_key}, else the first set
 * of {@code FIREWORKS_AI_API_KEY}, {@code FIREWORKS_API_KEY}, {@code FIREWORKSAI_API_KEY}, {@code FIREWORKS_AI_TOKEN},
 * and is always required. json, text, srt, verbose_json and vtt, and every standard field, {@code temperature} included; lists go
 * as one comma-joined field ({@code timestamp_granularities=word,segment}). Parameters: {@code vad_model},
 * {@code alignment_model} and {@code preprocessing} (texts), {@code diarize} (true or false), {@code min_speakers}
 * and {@code max_speakers} (numbers).
 *
 * <p>Stateless and thread-safe.
 */
public final class FireworksAiProviderFactory extends OpenAiCompatProviderFactory {

    /** The provider id, as LiteLLM spells it. */
    public static final String ID = "fireworks_ai";

    /** Fireworks' serverless audio API (whisper-v3) when no base is configured. */
    public static final String DEFAULT_API_BASE = "https://audio-prod.api.fireworks.ai/v1";

    /** The serverless host of whisper-v3-turbo. */
    public static final String TURBO_HOST = "audio-turbo.api.fireworks.ai";

    private static final String PROD_HOST = HttpUrl.get(DEFAULT_API_BASE).host();

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(EndpointRules.builder(ID)
                    .keyVariables("FIREWORKS_AI_API_KEY", "FIREWORKS_API_KEY", "FIREWORKSAI_API_KEY",
                            "FIREWORKS_AI_TOKEN")
                    .baseVariables("FIREWORKS_AI_API_BASE", "FIREWORKS_API_BASE")
                    .defaultBase(DEFAULT_API_BASE)
                    .build())
            .layout(FireworksAiProviderFactory::transcriptionsUrl)
            .responseFormats(OpenAiCompatProfile.WHISPER_FORMATS)
            .arrayEncoding(ArrayEncoding.COMMA_JOINED)
            .params(ParamSchema.builder().allStandardFields()
                    .form(ParamType.TEXT, "vad_model", "alignment_model", "preprocessing")
                    .form(ParamType.BOOLEAN, "diarize")
                    .form(ParamType.NUMBER, "min_speakers", "max_speakers")
                    .build())
            .build();

    public FireworksAiProviderFactory() {
        super(PROFILE);
    }

    static HttpUrl transcriptionsUrl(Endpoint.Ready endpoint, Deployment deployment) {
        HttpUrl url = EndpointLayout.openAi().transcriptionsUrl(endpoint, deployment);
        boolean turbo = deployment.providerModel().toLowerCase(Locale.ROOT).contains("turbo");
        return turbo && url.host().equalsIgnoreCase(PROD_HOST) ? url.newBuilder().host(TURBO_HOST).build() : url;
    }
}
