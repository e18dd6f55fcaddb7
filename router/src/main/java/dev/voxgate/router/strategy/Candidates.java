package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a {@link RoutingStrategy} chooses from.
 *
 * @param group       the model group (or {@code provider/model} name) being routed
 * @param deployments the eligible deployments, at least one, in configuration order
 * @param random      the router's random source, so that a router built with a seeded generator picks
 *                    reproducibly; thread-safe
 *
 * <p>Immutable and thread-safe.
 */
public record Candidates(String group, List<Deployment> deployments, RandomGenerator random) {

    public Candidates {
        Objects.requireNonNull(group, "group");
        deployments = List.copyOf(deployments);
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("deployments must not be empty");
        }
        Objects.requireNonNull(random, "random");
    }
}
