package dev.voxgate.providers.azure;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile.Auth;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile.KeyRequirement;
import dev.voxgate.providers.openaicompat.OpenAiCompatProviderFactory;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;
import okhttp3.HttpUrl;

/**
 * Provider {@code azure}: {@code POST {api_base}/openai/deployments/{deployment}/audio/transcriptions?api-version=}
 * with the key in an {@code api-key} header (never {@code Authorization}). The Azure deployment name is the
 * deployment's provider model ({@code azure/<name>}), and is sent as the {@code model} field too, as openai-python's
 * {@code AzureOpenAI} does. The base is {@code api_base}, else {@code AZURE_API_BASE}; the version is
 * {@code api_version}, else {@code AZURE_API_VERSION}, else {@value #DEFAULT_API_VERSION}; the key is
 * {@code api_key}, else {@code AZURE_API_KEY}. Without a base calls fail with {@code InvalidRequest}, without a key
 * with {@code AuthenticationFailed}.
 *
 * <p>Stateless and thread-safe.
 */
public final class AzureProviderFactory implements ProviderFactory {

    /** The provider id. */
    public static final String ID = "azure";

    /** The api-version sent when none is configured: the GA version whose spec defines transcriptions. */
    public static final String DEFAULT_API_VERSION = "2024-10-21";

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(ID)
            .apiKeyVariables("AZURE_API_KEY")
            .apiBaseVariables("AZURE_API_BASE")
            .auth(Auth.header("api-key"))
            .keyRequirement(KeyRequirement.ALWAYS)
            .layout(AzureProviderFactory::transcriptionsUrl)
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

    private static HttpUrl transcriptionsUrl(HttpUrl base, Deployment deployment, EnvironmentSource environment) {
        String version = deployment.apiVersion().filter(value -> !value.isBlank())
                .or(() -> environment.get("AZURE_API_VERSION"))
                .orElse(DEFAULT_API_VERSION);
        return base.newBuilder()
                .addPathSegments("openai/deployments")
                .addPathSegment(deployment.providerModel())
                .addPathSegments("audio/transcriptions")
                .addQueryParameter("api-version", version.strip())
                .build();
    }
}
