package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves the model names callers write to {@link Route}s: the configured model groups, connected once when the
 * router is built, and {@code provider/model} names, connected on first use and then kept.
 *
 * <p>Thread-safe: the groups never change; direct routes are added atomically.
 */
final class Routes {

    private final Map<String, ModelGroup> groups;
    private final Map<String, Route> routes;
    private final Function<Deployment, TranscriptionPort> connect;
    private final Function<String, Optional<Deployment>> direct;
    private final Map<String, Route> directRoutes = new ConcurrentHashMap<>();

    /**
     * Connects every deployment of {@code groups} once; errors from {@code connect} propagate.
     *
     * @param direct the deployment for a {@code provider/model} name, empty when there is none (or none allowed)
     */
    private Routes(Map<String, ModelGroup> groups, Function<Deployment, TranscriptionPort> connect,
           Function<String, Optional<Deployment>> direct) {
        this.groups = groups;
        this.connect = connect;
        this.direct = direct;
        Map<String, Route> connected = new LinkedHashMap<>();
        groups.forEach((name, group) -> connected.put(name, route(name, group.deployments())));
        this.routes = Collections.unmodifiableMap(connected);
    }

    /**
     * The routes of {@code deployments}, each connected once, through its port in {@code ports} if it has one, else
     * the connector (which also resolves {@code provider/model} names when {@code allowDirectModels}).
     *
     * @throws IllegalStateException    when there is no connector and some deployment (or every one, there being
     *                                  none) has no port of its own
     * @throws IllegalArgumentException when deployments share an id, or a fallback names an unknown group
     */
    static Routes connect(List<Deployment> deployments, Map<String, TranscriptionPort> ports,
                          Optional<DeploymentConnector> connector, boolean allowDirectModels,
                          Map<String, List<String>> fallbacks) {
        if (connector.isEmpty() && (deployments.isEmpty()
                || !ports.keySet().containsAll(deployments.stream().map(Deployment::id).toList()))) {
            throw new IllegalStateException("a DeploymentConnector is required unless every deployment has its port");
        }
        Map<String, ModelGroup> groups = group(deployments);
        requireKnownFallbacks(fallbacks, groups.keySet());
        Map<String, TranscriptionPort> given = Map.copyOf(ports);
        return new Routes(groups,
                deployment -> given.containsKey(deployment.id()) ? given.get(deployment.id())
                        : connector.orElseThrow().connect(deployment),
                model -> allowDirectModels ? connector.flatMap(found -> found.direct(model)) : Optional.empty());
    }

    /**
     * Groups the deployments by model name, in the order each group first appears.
     *
     * @throws IllegalArgumentException when two deployments share an id
     */
    private static Map<String, ModelGroup> group(Collection<Deployment> deployments) {
        Map<String, List<Deployment>> byName = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (Deployment deployment : deployments) {
            if (!ids.add(deployment.id())) {
                throw new IllegalArgumentException("two deployments share the id '" + deployment.id() + "'");
            }
            byName.computeIfAbsent(deployment.modelName(), name -> new ArrayList<>()).add(deployment);
        }
        Map<String, ModelGroup> groups = new LinkedHashMap<>();
        byName.forEach((name, members) -> groups.put(name, new ModelGroup(name, members)));
        return Collections.unmodifiableMap(groups);
    }

    /** The route for {@code name}: its model group, else a {@code provider/model} deployment, else empty. */
    Optional<Route> find(String name) {
        Route group = routes.get(name);
        if (group != null) {
            return Optional.of(group);
        }
        return Optional.ofNullable(directRoutes.computeIfAbsent(name,
                model -> direct.apply(model).map(deployment -> route(model, List.of(deployment))).orElse(null)));
    }

    /** The route for {@code name}; a {@link ModelNotFound} failure naming it when there is none. */
    Route require(String name) {
        return find(name).orElseThrow(() -> new TranscriptionException(new ModelNotFound(
                "Invalid model name passed in model=" + name + ". Available model groups: "
                        + (groups.isEmpty() ? "none" : String.join(", ", groups.keySet())))));
    }

    List<ModelGroup> modelGroups() {
        return List.copyOf(groups.values());
    }

    private Route route(String name, List<Deployment> deployments) {
        return new Route(name, deployments.stream()
                .map(deployment -> Target.of(deployment, connect.apply(deployment))).toList());
    }

    /**
     * Checks that every fallback key (but {@code "*"}) and every fallback target is one of {@code groups}.
     *
     * @throws IllegalArgumentException naming each unknown group and where it appears
     */
    private static void requireKnownFallbacks(Map<String, List<String>> fallbacks, Set<String> groups) {
        List<String> unknown = new ArrayList<>();
        fallbacks.forEach((key, targets) -> {
            if (!key.equals(RouterSettings.ANY_GROUP) && !groups.contains(key)) {
                unknown.add("'" + key + "' (a fallbacks key)");
            }
            targets.stream().filter(target -> !groups.contains(target))
                    .forEach(target -> unknown.add("'" + target + "' (a fallback of '" + key + "')"));
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("fallbacks name unknown model groups: " + String.join(", ", unknown)
                    + "; known groups: " + (groups.isEmpty() ? "none" : String.join(", ", groups)));
        }
    }
}
