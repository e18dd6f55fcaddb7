package dev.voxgate.providers.openai;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile.KeyRequirement;
import dev.voxgate.providers.openaicompat.OpenAiCompatProviderFactory;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;

/**
 * Provider {@code openai}: {@code POST {base}/audio/transcriptions} with {@code Authorization: Bearer <key>}.
 * The base is {@code api_base}, else {@code OPENAI_BASE_URL}, else {@code OPENAI_API_BASE}, else
 * {@value #DEFAULT_API_BASE}; the key is {@code api_key}, else {@code OPENAI_API_KEY}; {@code OPENAI_ORGANIZATION}
 * becomes the {@code OpenAI-Organization} header. Against OpenAI's own host a key is required; a self-hosted
 * OpenAI-compatible server at another {@code api_base} is called without one when none is set.
 *
 * <p>Stateless and thread-safe.
 */
public final class OpenAiProviderFactory implements ProviderFactory {

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
            .build();

    private final ProviderFactory delegate = new OpenAiCompatProviderFactory(PROFILE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TranscriptionPort create(Deployment deployment, ProviderContext context) {
        return delegate.create(deployment, context);
    }
}
