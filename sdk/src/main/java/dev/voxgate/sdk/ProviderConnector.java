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
 * Connects the router to the provider adapters of a catalog. A {@code provider/model} name that is not a model group
 * becomes a one-deployment group of its own, with credentials from the environment; whether a bare name such as
 * {@code whisper-1} does too (as OpenAI's) depends on how the connector was made.
 *
 * <p>Thread-safe.
 */
final class ProviderConnector implements DeploymentConnector {

    private final ProviderCatalog catalog;
    private final ProviderContext context;
    private final boolean bareNames;

    private ProviderConnector(ProviderCatalog catalog, ProviderContext context, boolean bareNames) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.context = Objects.requireNonNull(context, "context");
        this.bareNames = bareNames;
    }

    /**
     * For a router with model groups: only an explicit provider prefix is called directly, since a bare name that is
     * no group is a typo, not OpenAI.
     */
    static ProviderConnector forGroups(ProviderCatalog catalog, ProviderContext context) {
        return new ProviderConnector(catalog, context, false);
    }

    /** For one-call transcriptions, as LiteLLM's {@code transcription()} reads names: a bare name is OpenAI's. */
    static ProviderConnector forOneCall(ProviderCatalog catalog, ProviderContext context) {
        return new ProviderConnector(catalog, context, true);
    }

    @Override
    public TranscriptionPort connect(Deployment deployment) {
        return catalog.connect(deployment, context);
    }

    @Override
    public Optional<Deployment> direct(String model) {
        if (!bareNames && !model.contains("/")) {
            return Optional.empty();
        }
        return ModelReference.parse(model, catalog::supports)
                .map(reference -> Deployment.builder("direct:" + model, model, reference.provider(), reference.model())
                        .build());
    }

    /** What to write instead of {@code model}, whose provider prefix {@code catalog} does not know. */
    static String unknownProvider(ProviderCatalog catalog, String model) {
        return "unknown provider in model '" + model + "': write <provider>/<model> with one of "
                + String.join(", ", catalog.providerIds().stream().sorted().toList())
                + ", or a bare OpenAI model name such as whisper-1";
    }
}
