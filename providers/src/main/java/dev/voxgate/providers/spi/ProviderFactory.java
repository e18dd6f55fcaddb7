package dev.voxgate.providers.spi;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;

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
}
