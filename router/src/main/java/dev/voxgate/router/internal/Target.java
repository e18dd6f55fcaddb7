package dev.voxgate.router.internal;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import java.util.Objects;

/**
 * A deployment and the connected endpoint that calls it.
 *
 * @param deployment the deployment
 * @param port         what the routed call is made on; thread-safe
 * @param capabilities what the deployment can serve: its provider's declaration with the deployment's own limits
 *                     and {@code model_info} overrides applied
 * @param <P>          the endpoint type
 *
 * <p>Immutable and thread-safe.
 */
public record Target<P>(Deployment deployment, P port, Capabilities capabilities) {

    public Target {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(capabilities, "capabilities");
    }

    String id() {
        return deployment.id();
    }
}
