package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.http.Upstream;
import dev.voxgate.providers.http.UpstreamClient;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.Objects;

/**
 * The factory of any OpenAI-compatible vendor, configured by its {@link OpenAiCompatProfile}. A vendor's factory
 * extends it with the vendor's profile and adds nothing else, so a vendor's rules are all in its profile.
 *
 * <p>Immutable and thread-safe.
 */
public class OpenAiCompatProviderFactory implements ProviderFactory {

    private final OpenAiCompatProfile profile;

    public OpenAiCompatProviderFactory(OpenAiCompatProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    @Override
    public final String id() {
        return profile.providerId();
    }

    @Override
    public final TranscriptionPort create(Deployment deployment, ProviderContext context) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(context, "context");
        if (!deployment.provider().equals(profile.providerId())) {
            throw new IllegalArgumentException("deployment '" + deployment.id() + "' is for provider '"
                    + deployment.provider() + "', not '" + profile.providerId() + "'");
        }
        // Resolved for the model once, so every call and the declared capabilities follow the same rules.
        OpenAiCompatProfile modelProfile = profile.forModel(deployment.providerModel());
        Endpoint endpoint = Endpoint.resolve(modelProfile, deployment, context.environment());
        Upstream upstream = new Upstream(profile.providerId(), deployment.id(), endpoint.key());
        UpstreamClient client = new UpstreamClient(context.httpClient(), deployment.timeout(), upstream);
        return new OpenAiCompatTranscriber(modelProfile, deployment, endpoint, client);
    }
}
