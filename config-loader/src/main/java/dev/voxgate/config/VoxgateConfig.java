package dev.voxgate.config;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.RouterSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded config file: the deployments (in file order), the router's settings, the proxy's general settings, the
 * file's {@code environment_variables}, and a warning for each key that was read past.
 */
public record VoxgateConfig(
        String source,
        List<Deployment> deployments,
        RouterSettings routerSettings,
        GeneralSettings generalSettings,
        Map<String, String> environmentVariables,
        List<ConfigWarning> warnings) {

    public VoxgateConfig {
        Objects.requireNonNull(source, "source");
        deployments = List.copyOf(deployments);
        Objects.requireNonNull(routerSettings, "routerSettings");
        Objects.requireNonNull(generalSettings, "generalSettings");
        environmentVariables = Map.copyOf(environmentVariables);
        warnings = List.copyOf(warnings);
    }
}
