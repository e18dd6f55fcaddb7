package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import java.util.Optional;

/**
 * How the router reaches deployments: turns a {@link Deployment} into a callable port, and names a deployment for
 * a {@code provider/model} name that is not a model group. The SDK implements it over the provider catalog; an
 * embedding product may implement it over its own adapters.
 *
 * <p>Implementations are thread-safe.
 */
public interface DeploymentConnector {

    /**
     * The port that calls this deployment. Called once per deployment, when the router is built or first needs it.
     *
     * @throws dev.voxgate.core.error.TranscriptionException when the deployment's provider is unknown
     */
    TranscriptionPort connect(Deployment deployment);

    /**
     * A deployment for {@code model} when it is a {@code provider/model} name this connector can call directly
     * (e.g. {@code openai/whisper-1}); empty otherwise.
     */
    Optional<Deployment> direct(String model);
}
