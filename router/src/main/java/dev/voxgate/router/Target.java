package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Price;
import dev.voxgate.core.model.PriceTable;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment and the connected port that calls it.
 *
 * @param deployment   the deployment
 * @param port         what attempts on it call, with the deployment's configured credentials; thread-safe
 * @param capabilities what the deployment can serve: its provider's declaration with the deployment's own limits
 *                     and {@code model_info} overrides applied
 * @param price        what its vendor charges ({@link PriceTable#priceOf}); empty when nobody knows
 *
 * <p>Immutable and thread-safe.
 */
record Target(Deployment deployment, TranscriptionPort port, Capabilities capabilities, Optional<Price> price) {

    Target {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(price, "price");
    }

    /** {@code deployment} on {@code port}, with what the port declares it can serve and the built-in prices. */
    static Target of(Deployment deployment, TranscriptionPort port) {
        return new Target(deployment, port, deployment.capabilities(port.capabilities()),
                PriceTable.builtIn().priceOf(deployment));
    }

    String id() {
        return deployment.id();
    }
}
