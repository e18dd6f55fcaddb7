package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import java.util.Objects;

/**
 * A deployment and the connected port that calls it.
 *
 * @param deployment   the deployment
 * @param port         what attempts on it call, with the deployment's configured credentials; thread-safe
 * @param capabilities what the deployment can serve: its provider's declaration with the deployment's own limits
 *                     and {@code model_info} overrides applied
 *
 * <p>Immutable and thread-safe.
 */
record Target(Deployment deployment, TranscriptionPort port, Capabilities capabilities) {

    Target {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /** {@code deployment} on {@code port}, with what the port declares it can serve. */
    static Target of(Deployment deployment, TranscriptionPort port) {
        return new Target(deployment, port, deployment.capabilities(port.capabilities()));
    }

    String id() {
        return deployment.id();
    }
}
