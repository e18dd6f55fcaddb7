package dev.voxgate.config;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.RouterSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded config file: the deployments (in file order), the router's settings, the proxy's general settings, the
 * file's {@code environment_variables}, a warning for each key that was read past (sorted by line), the Redis
 * that replicas share state through, when one is named, the response cache, when {@code litellm_settings.cache}
 * switches it on, and the database of virtual keys and spend, when one is named.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the names of the environment variables, not their values,
 * since files often put provider keys there.
 */
public record VoxgateConfig(
        String source,
        List<Deployment> deployments,
        RouterSettings routerSettings,
        GeneralSettings generalSettings,
        Map<String, String> environmentVariables,
        List<ConfigWarning> warnings,
        Optional<RedisSettings> redis,
        Optional<ResponseCacheSettings> responseCache,
        Optional<DatabaseSettings> database) {

    public VoxgateConfig {
        Objects.requireNonNull(source, "source");
        deployments = List.copyOf(deployments);
        Objects.requireNonNull(routerSettings, "routerSettings");
        Objects.requireNonNull(generalSettings, "generalSettings");
        environmentVariables = Map.copyOf(environmentVariables);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(responseCache, "responseCache");
        Objects.requireNonNull(database, "database");
    }

    /** A config without a key database. */
    public VoxgateConfig(String source, List<Deployment> deployments, RouterSettings routerSettings,
                         GeneralSettings generalSettings, Map<String, String> environmentVariables,
                         List<ConfigWarning> warnings, Optional<RedisSettings> redis,
                         Optional<ResponseCacheSettings> responseCache) {
        this(source, deployments, routerSettings, generalSettings, environmentVariables, warnings, redis,
                responseCache, Optional.empty());
    }

    /** A config without shared state or a response cache. */
    public VoxgateConfig(String source, List<Deployment> deployments, RouterSettings routerSettings,
                         GeneralSettings generalSettings, Map<String, String> environmentVariables,
                         List<ConfigWarning> warnings) {
        this(source, deployments, routerSettings, generalSettings, environmentVariables, warnings, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The deployments grouped by {@code model_name}, groups in the order they first appear. */
    public List<ModelGroup> modelGroups() {
        Map<String, List<Deployment>> byName = new LinkedHashMap<>();
        for (Deployment deployment : deployments) {
            byName.computeIfAbsent(deployment.modelName(), name -> new ArrayList<>()).add(deployment);
        }
        return byName.entrySet().stream().map(group -> new ModelGroup(group.getKey(), group.getValue())).toList();
    }

    @Override
    public String toString() {
        return "VoxgateConfig[source=" + source + ", deployments=" + deployments + ", routerSettings=" + routerSettings
                + ", generalSettings=" + generalSettings + ", environmentVariables="
                + environmentVariables.keySet().stream().sorted().toList() + ", warnings=" + warnings + ", redis=" + redis
                + ", responseCache=" + responseCache + ", database=" + database + "]";
    }
}
