package dev.voxgate.router;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.DeploymentUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which deployments of a route may take an attempt at one instant, and why the others may not: resting until its
 * cooldown ends, or at a limit: {@code rpm} or {@code tpm} (audio seconds) until the next calendar minute, {@code
 * max_parallel_requests} until a call ends (which cannot be known, so one second is the guess).
 *
 * @param open    the deployments that may take an attempt, in configuration order
 * @param blocked the others, each with why and until when
 * @param usage   what each deployment is doing, by id
 *
 * <p>Immutable and thread-safe.
 */
record Availability(List<Target> open, List<Blocked> blocked, Map<String, DeploymentUsage> usage) {

    /** How long a deployment at {@code max_parallel_requests} is expected to stay there. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

    static Availability of(Route route, Instant now, Map<String, Instant> resting, Map<String, DeploymentUsage> usage,
                           Function<Deployment, DeploymentLimits> limits) {
        List<Target> open = new ArrayList<>(route.targets().size());
        List<Blocked> blocked = new ArrayList<>();
        for (Target target : route.targets()) {
            Instant until = resting.get(target.id());
            DeploymentUsage used = usage.getOrDefault(target.id(), DeploymentUsage.idle());
            Optional<Blocked> limited = until != null
                    ? Optional.of(new Blocked(target.id(), "is cooling down", until))
                    : atLimit(target.deployment(), limits.apply(target.deployment()), used, now);
            limited.ifPresentOrElse(blocked::add, () -> open.add(target));
        }
        return new Availability(open, blocked, Map.copyOf(usage));
    }

    /**
     * What {@code deployment} may take: its own {@code max_parallel_requests} (else the router's default), its
     * {@code rpm}, and its {@code tpm}, read as audio seconds per minute (LiteLLM's tokens per minute, for speech).
     */
    static DeploymentLimits limits(Deployment deployment, RouterSettings settings) {
        return new DeploymentLimits(deployment.maxParallelRequests().or(settings::defaultMaxParallelRequests),
                deployment.rpm(), deployment.tpm());
    }

    /** Why a deployment with {@code usage} may not start an attempt under {@code limits}; empty when it may. */
    static Optional<Blocked> atLimit(Deployment deployment, DeploymentLimits limits, DeploymentUsage usage,
                                     Instant now) {
        if (limits.admits(usage)) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        Instant freeAt = now;
        Instant nextMinute = Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), 60) + 1) * 60);
        if (limits.rpm().filter(max -> usage.requestsThisMinute() >= max).isPresent()) {
            reasons.add("has used its rpm of " + limits.rpm().get());
            freeAt = nextMinute;
        }
        if (limits.tpm().filter(max -> usage.audioSecondsThisMinute() >= max).isPresent()) {
            reasons.add("has used its tpm of " + limits.tpm().get() + " audio seconds");
            freeAt = nextMinute;
        }
        if (limits.maxParallelRequests().filter(max -> usage.inFlight() >= max).isPresent()) {
            reasons.add("has " + usage.inFlight() + " calls in flight, its max_parallel_requests");
            Instant inFlightFree = now.plus(IN_FLIGHT_WAIT);
            freeAt = freeAt.isAfter(inFlightFree) ? freeAt : inFlightFree;
        }
        return Optional.of(new Blocked(deployment.id(), String.join(" and ", reasons), freeAt));
    }

    /**
     * A deployment that may not take an attempt now.
     *
     * @param deploymentId the deployment
     * @param reason       why, e.g. {@code is cooling down}
     * @param freeAt       when it is expected to be available again
     */
    record Blocked(String deploymentId, String reason, Instant freeAt) {
    }
}
