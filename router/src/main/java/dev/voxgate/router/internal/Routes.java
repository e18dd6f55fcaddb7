package dev.voxgate.router.internal;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.RouterSettings;
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
 *
 * @param <P> the endpoint type
 */
public final class Routes<P> {

    private final Map<String, ModelGroup> groups;
    private final Map<String, Route<P>> routes;
    private final Function<Deployment, P> connect;
    private final Function<P, Capabilities> declared;
    private final Function<String, Optional<Deployment>> direct;
    private final Map<String, Route<P>> directRoutes = new ConcurrentHashMap<>();

    private Routes(Map<String, ModelGroup> groups, Function<Deployment, P> connect,
                   Function<P, Capabilities> declared, Function<String, Optional<Deployment>> direct) {
        this.groups = groups;
        this.connect = connect;
        this.declared = declared;
        this.direct = direct;
        Map<String, Route<P>> connected = new LinkedHashMap<>();
        groups.forEach((name, group) -> connected.put(name, route(name, group.deployments())));
        this.routes = Collections.unmodifiableMap(connected);
    }

    /**
     * Groups the deployments by model name, in the order each group first appears.
     *
     * @throws IllegalArgumentException when two deployments share an id
     */
    public static Map<String, ModelGroup> group(Collection<Deployment> deployments) {
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

    /**
     * Connects every deployment of {@code groups} once; errors from {@code connect} propagate.
     *
     * @param declared what an endpoint declares it can serve, before its deployment's limits and overrides
     * @param direct   the deployment for a {@code provider/model} name, empty when there is none (or none allowed)
     */
    public static <P> Routes<P> connect(Map<String, ModelGroup> groups, Function<Deployment, P> connect,
                                        Function<P, Capabilities> declared,
                                        Function<String, Optional<Deployment>> direct) {
        return new Routes<>(groups, connect, declared, direct);
    }

    /** The route for {@code name}: its model group, else a {@code provider/model} deployment, else empty. */
    public Optional<Route<P>> find(String name) {
        Route<P> group = routes.get(name);
        if (group != null) {
            return Optional.of(group);
        }
        return Optional.ofNullable(directRoutes.computeIfAbsent(name,
                model -> direct.apply(model).map(deployment -> route(model, List.of(deployment))).orElse(null)));
    }

    /** The route for {@code name}; a {@link ModelNotFound} failure naming it when there is none. */
    public Route<P> require(String name) {
        return find(name).orElseThrow(() -> new TranscriptionException(new ModelNotFound(
                "Invalid model name passed in model=" + name + ". Available model groups: "
                        + (groups.isEmpty() ? "none" : String.join(", ", groups.keySet())))));
    }

    public List<ModelGroup> modelGroups() {
        return List.copyOf(groups.values());
    }

    public Optional<ModelGroup> modelGroup(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    private Route<P> route(String name, List<Deployment> deployments) {
        return new Route<>(name, deployments.stream().map(this::target).toList());
    }

    private Target<P> target(Deployment deployment) {
        P port = connect.apply(deployment);
        return new Target<>(deployment, port, deployment.capabilities(declared.apply(port)));
    }

    /**
     * Checks that every fallback key (but {@code "*"}) and every fallback target is one of {@code groups}.
     *
     * @throws IllegalArgumentException naming each unknown group and where it appears
     */
    public static void requireKnownFallbacks(Map<String, List<String>> fallbacks, Set<String> groups) {
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
