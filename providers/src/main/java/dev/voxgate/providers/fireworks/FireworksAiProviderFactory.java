package dev.voxgate.providers.fireworks;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.openaicompat.ExtraFields;
import dev.voxgate.providers.openaicompat.ArrayEncoding;
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
 * as one comma-joined field ({@code timestamp_granularities=word,segment}). Extras: {@code vad_model},
 * {@code alignment_model}, {@code preprocessing}, {@code diarize}, {@code min_speakers}, {@code max_speakers}.
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

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(ID)
            .apiKeyVariables("FIREWORKS_AI_API_KEY", "FIREWORKS_API_KEY", "FIREWORKSAI_API_KEY", "FIREWORKS_AI_TOKEN")
            .apiBaseVariables("FIREWORKS_AI_API_BASE", "FIREWORKS_API_BASE")
            .defaultApiBase(DEFAULT_API_BASE)
            .layout(FireworksAiProviderFactory::transcriptionsUrl)
            .responseFormats(OpenAiCompatProfile.WHISPER_FORMATS)
            .arrayEncoding(ArrayEncoding.COMMA_JOINED)
            .extras(ExtraFields.of("vad_model", "alignment_model", "preprocessing", "diarize", "min_speakers",
                    "max_speakers"))
            .build();

    public FireworksAiProviderFactory() {
        super(PROFILE);
    }

    static HttpUrl transcriptionsUrl(HttpUrl base, Deployment deployment, EnvironmentSource environment) {
        boolean turbo = deployment.providerModel().toLowerCase(Locale.ROOT).contains("turbo");
        HttpUrl host = turbo && base.host().equalsIgnoreCase(PROD_HOST) ? base.newBuilder().host(TURBO_HOST).build()
                : base;
        return EndpointLayout.openAi().transcriptionsUrl(host, deployment, environment);
    }
}
