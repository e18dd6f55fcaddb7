package dev.voxgate.sdk;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelReference;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.router.DeploymentConnector;
import java.util.Objects;
import java.util.Optional;

/**
 * Connects the router to the built-in provider adapters. A {@code provider/model} name that is not a model group
 * becomes a one-deployment group of its own, with credentials from the environment.
 *
 * <p>Thread-safe.
 */
final class ProviderConnector implements DeploymentConnector {

    private final ProviderCatalog catalog;
    private final ProviderContext context;

    ProviderConnector(ProviderCatalog catalog, ProviderContext context) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public TranscriptionPort connect(Deployment deployment) {
        return catalog.connect(deployment, context);
    }

    @Override
    public Optional<Deployment> direct(String model) {
        // Only an explicit provider prefix is called directly: a bare name that is no group is a typo, not OpenAI.
        if (!model.contains("/")) {
            return Optional.empty();
        }
        return ModelReference.parse(model, catalog::supports)
                .map(reference -> Deployment.builder("direct:" + model, model, reference.provider(), reference.model())
                        .build());
    }
}
