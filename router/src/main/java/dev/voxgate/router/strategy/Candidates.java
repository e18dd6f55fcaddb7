package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.DeploymentUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a {@link RoutingStrategy} chooses from.
 *
 * @param group       the model group (or {@code provider/model} name) being routed
 * @param deployments the eligible deployments, at least one, in configuration order
 * @param usage       what each eligible deployment is doing, by id; a deployment absent from it counts as idle
 * @param now         the router's time of this pick, for windows over {@link DeploymentUsage#latencies()}
 * @param random      the router's random source, so that a router built with a seeded generator picks
 *                    reproducibly; thread-safe
 *
 * <p>Immutable and thread-safe.
 */
public record Candidates(String group, List<Deployment> deployments, Map<String, DeploymentUsage> usage, Instant now,
                         RandomGenerator random) {

    public Candidates {
        Objects.requireNonNull(group, "group");
        deployments = List.copyOf(deployments);
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("deployments must not be empty");
        }
        usage = Map.copyOf(usage);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(random, "random");
    }

    /** Candidates with nothing known about their usage, as for a strategy that needs none. */
    public Candidates(String group, List<Deployment> deployments, RandomGenerator random) {
        this(group, deployments, Map.of(), Instant.EPOCH, random);
    }

    /** What {@code deployment} is doing; idle when nothing is known. */
    public DeploymentUsage usageOf(Deployment deployment) {
        return usage.getOrDefault(deployment.id(), DeploymentUsage.idle());
    }

    /** One of {@code among} (not empty), uniformly at random: how strategies share load between equals. */
    public Deployment anyOf(List<Deployment> among) {
        return among.get(random.nextInt(among.size()));
    }
}
