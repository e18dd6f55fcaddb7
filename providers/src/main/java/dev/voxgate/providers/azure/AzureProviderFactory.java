package dev.voxgate.providers.azure;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.http.Endpoint;
import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.KeyHeader;
import dev.voxgate.providers.openaicompat.AudioFeatures;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.openaicompat.OpenAiCompatProviderFactory;
import dev.voxgate.providers.openaicompat.OpenAiModels;
import java.time.LocalDate;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Provider {@code azure}: {@code POST {api_base}/openai/deployments/{deployment}/audio/transcriptions?api-version=}
 * with the key in an {@code api-key} header (never {@code Authorization}). The Azure deployment name is the
 * deployment's provider model ({@code azure/<name>}), and is sent as the {@code model} field too, as openai-python's
 * {@code AzureOpenAI} does. The base is {@code api_base}, else {@code AZURE_API_BASE}; the version is
 * {@code api_version}, else {@code AZURE_API_VERSION}, else {@value #DEFAULT_API_VERSION}; the key is
 * {@code api_key}, else {@code AZURE_API_KEY}. Without a base calls fail with {@code InvalidRequest}, without a key
 * with {@code AuthenticationFailed}. Extra parameters: OpenAI's, which preview api-versions take. A deployment whose
 * name contains a known OpenAI model's name follows that model's rules ({@link OpenAiModels}); any other streams and
 * takes every format.
 *
 * <p>Stateless and thread-safe.
 */
public final class AzureProviderFactory extends OpenAiCompatProviderFactory {

    /** The provider id. */
    public static final String ID = "azure";

    /** The api-version sent when none is configured: the GA version whose spec defines transcriptions. */
    public static final String DEFAULT_API_VERSION = "2024-10-21";

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(EndpointRules.builder(ID)
                    .keyVariables("AZURE_API_KEY")
                    .baseVariables("AZURE_API_BASE")
                    .keyHeader(KeyHeader.named("api-key"))
                    .apiVersion("AZURE_API_VERSION", DEFAULT_API_VERSION)
                    .build())
            .layout(AzureProviderFactory::transcriptionsUrl)
            .params(OpenAiModels.params())
            // An Azure deployment's name says nothing of its model, so a stream request is sent; a model that does
            // not stream answers in one piece.
            .features(AudioFeatures.withTranslations().streaming(model -> true))
            // A deployment named after its model (whisper-1, gpt-4o-transcribe, …) gets that model's rules.
            .models(OpenAiModels.rules())
            .build();

    public AzureProviderFactory() {
        super(PROFILE);
    }

    /**
     * The day OpenAI shuts down the model of the Azure deployment named {@code deploymentName}, when that name
     * contains the name of a model with an announced date ({@code whisper-1} and the gpt-4o transcribe models:
     * 2027-02-26); empty when the name says nothing of its model. Azure's own retirement dates may differ.
     */
    public static Optional<LocalDate> shutdownDate(String deploymentName) {
        return OpenAiModels.shutdownDate(deploymentName);
    }

    private static HttpUrl transcriptionsUrl(Endpoint.Ready endpoint, Deployment deployment) {
        return endpoint.base().newBuilder()
                .addPathSegments("openai/deployments")
                .addPathSegment(deployment.providerModel())
                .addPathSegments("audio/transcriptions")
                .addQueryParameter("api-version", endpoint.version().orElse(DEFAULT_API_VERSION))
                .build();
    }
}
