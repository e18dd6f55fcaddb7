package dev.voxgate.sdk;

import dev.voxgate.config.KnownProviders;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.ProviderCatalog;
import java.util.Objects;
import java.util.Set;

/** The config-loader's view of a provider catalog: its ids, and what each deployment takes. Thread-safe. */
record CatalogProviders(ProviderCatalog catalog) implements KnownProviders {

    CatalogProviders {
        Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public boolean supports(String providerId) {
        return catalog.supports(providerId);
    }

    @Override
    public Capabilities declared(Deployment deployment) {
        return catalog.declared(deployment);
    }

    @Override
    public Set<String> settings(String providerId) {
        return catalog.settings(providerId);
    }
}
