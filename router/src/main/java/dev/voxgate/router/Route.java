package dev.voxgate.router;

import java.util.List;
import java.util.Objects;

/**
 * What one model name routes to: the deployments of a model group, or the single deployment of a
 * {@code provider/model} name.
 *
 * @param name      the name as callers write it
 * @param targets   the deployments with their ports, at least one, in configuration order
 * @param ids       the targets' deployment ids, in the same order
 * @param groupSize how many deployments the whole group has: more than {@code targets} when some were left out
 *                  of this call as unable to serve it
 *
 * <p>Immutable and thread-safe.
 */
record Route(String name, List<Target> targets, List<String> ids, int groupSize) {

    Route {
        Objects.requireNonNull(name, "name");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("route '" + name + "' has no deployments");
        }
        ids = List.copyOf(ids);
        if (!ids.equals(targets.stream().map(Target::id).toList())) {
            throw new IllegalArgumentException("ids must be the targets' ids, in order");
        }
        if (groupSize < targets.size()) {
            throw new IllegalArgumentException("groupSize " + groupSize + " is below the " + targets.size()
                    + " targets");
        }
    }

    /** A route over {@code targets}; their ids are read once here, as every pick needs them. */
    Route(String name, List<Target> targets) {
        this(name, targets, targets.stream().map(Target::id).toList(), targets.size());
    }

    /** This route narrowed to {@code serving}, a non-empty part of its targets; the group's size stays. */
    Route narrowedTo(List<Target> serving) {
        return new Route(name, serving, serving.stream().map(Target::id).toList(), groupSize);
    }
}
