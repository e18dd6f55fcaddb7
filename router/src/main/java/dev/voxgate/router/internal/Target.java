package dev.voxgate.router.internal;

import dev.voxgate.core.model.Deployment;
import java.util.Objects;

/**
 * A deployment and the connected endpoint that calls it.
 *
 * @param deployment the deployment
 * @param port       what the routed call is made on; thread-safe
 * @param <P>        the endpoint type
 *
 * <p>Immutable and thread-safe.
 */
public record Target<P>(Deployment deployment, P port) {

    public Target {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(port, "port");
    }

    String id() {
        return deployment.id();
    }
}
