package dev.voxgate.providers.spi;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import java.util.Set;

/**
 * Creates the adapter of one vendor for a deployment.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ProviderFactory {

    /** The provider id, as in {@code litellm_params.model: <id>/<model>}, e.g. {@code openai}, {@code azure}. */
    String id();

    /**
     * The adapter for {@code deployment}, whose {@link Deployment#provider()} is {@link #id()}. Credentials and base
     * URL missing from the deployment are taken from {@code context.environment()} as LiteLLM does; a call made
     * without a needed key fails with {@code AuthenticationFailed} naming the variable to set.
     */
    TranscriptionPort create(Deployment deployment, ProviderContext context);

    /**
     * What a deployment of this provider can serve, known from its provider and model alone, without connecting or
     * credentials; the config-loader checks each {@code litellm_params} vendor parameter against it, with the file
     * and line. {@link Capabilities#UNDECLARED} (the default) when the factory does not say, so nothing is checked
     * before the first call.
     */
    default Capabilities declared(Deployment deployment) {
        return Capabilities.UNDECLARED;
    }

    /**
     * The {@code litellm_params} keys this provider reads as the deployment's own settings (the local engine's
     * {@code model_path}), which are never sent as vendor parameters; none by default.
     */
    default Set<String> settings() {
        return Set.of();
    }
}
