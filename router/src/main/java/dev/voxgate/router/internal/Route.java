package dev.voxgate.router.internal;

import java.util.List;
import java.util.Objects;

/**
 * What one model name routes to: the deployments of a model group, or the single deployment of a
 * {@code provider/model} name.
 *
 * @param name    the name as callers write it
 * @param targets the deployments with their endpoints, at least one, in configuration order
 * @param <P>     the endpoint type
 *
 * <p>Immutable and thread-safe.
 */
public record Route<P>(String name, List<Target<P>> targets) {

    public Route {
        Objects.requireNonNull(name, "name");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("route '" + name + "' has no deployments");
        }
    }

    List<String> ids() {
        return targets.stream().map(Target::id).toList();
    }
}
