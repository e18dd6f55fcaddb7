package dev.voxgate.providers.openaicompat;

import dev.voxgate.providers.http.UpstreamProviderFactory;
import java.util.Objects;

/**
 * The factory of any OpenAI-compatible vendor, configured by its {@link OpenAiCompatProfile}. A vendor's factory
 * extends it with the vendor's profile and adds nothing else, so a vendor's rules are all in its profile.
 *
 * <p>Immutable and thread-safe.
 */
public class OpenAiCompatProviderFactory extends UpstreamProviderFactory {

    public OpenAiCompatProviderFactory(OpenAiCompatProfile profile) {
        // Resolved for the model once, so every call and the declared capabilities follow the same rules.
        super(Objects.requireNonNull(profile, "profile").endpoint(),
                deployment -> ProfileCapabilities.of(profile.forModel(deployment.providerModel()),
                        deployment.providerModel()),
                (deployment, declared, calls) -> new OpenAiCompatTranscriber(
                        profile.forModel(deployment.providerModel()), deployment, declared, calls));
    }
}
