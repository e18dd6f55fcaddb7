package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.NoHealthyDeployment;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.router.strategy.Candidates;
import dev.voxgate.router.strategy.RoutingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Chooses the deployment of each attempt and starts the attempt in the {@link RoutingState}: leaves out the
 * deployments that rest or are at a limit, keeps the best {@code order} tier left (lowest value; no order comes
 * after every tier), and lets the {@link RoutingStrategy} choose there. A deployment that another call filled up
 * between the reading and the start is left out and the choice made again. When the choice needs nothing the state
 * knows, it is made first and the start checks it, without reading the state at all.
 *
 * <p>Thread-safe; holds no per-call state.
 */
final class Picker {

    private final RoutingState state;
    private final InstantSource clock;
    private final RoutingStrategy strategy;
    private final RandomGenerator random;
    private final RouterSettings settings;

    Picker(RoutingContext context) {
        this.state = context.state();
        this.clock = context.clock();
        this.strategy = context.strategy();
        this.random = context.random();
        this.settings = context.settings();
    }

    /** The first attempt of a route; a {@link NoHealthyDeployment} failure when no deployment is available. */
    Target first(Route route) {
        return pick(route, id -> true).orElseThrow(() -> noneAvailable(route));
    }

    /** A started attempt on an available deployment whose id {@code allowed} accepts; empty when there is none. */
    Optional<Target> pick(Route route, Predicate<String> allowed) {
        Instant now = clock.instant();
        Optional<Target> unread = chooseUnread(route, allowed, now);
        if (unread.isPresent() && state.tryStart(unread.get().id(), now, limits(unread.get().deployment()))) {
            return unread;
        }
        Availability availability = availability(route, now);
        List<Target> open = new ArrayList<>(availability.open().size());
        availability.open().stream().filter(target -> allowed.test(target.id())).forEach(open::add);
        while (!open.isEmpty()) {
            Target chosen = choose(route, bestTier(open), availability.usage(), now);
            if (state.tryStart(chosen.id(), now, limits(chosen.deployment()))) {
                return Optional.of(chosen);
            }
            open.remove(chosen);
        }
        return Optional.empty();
    }

    /** Whether any deployment of the route is available now, tried or not. */
    boolean anyAvailable(Route route) {
        return !availability(route, clock.instant()).open().isEmpty();
    }

    /** What {@code deployment} may take ({@link Availability#limits}). */
    DeploymentLimits limits(Deployment deployment) {
        return Availability.limits(deployment, settings);
    }

    private Availability availability(Route route, Instant now) {
        List<String> ids = route.ids();
        RoutingState.Snapshot snapshot = state.snapshot(ids, now);
        return Availability.of(route, now, snapshot.restingUntil(), snapshot.usage(), this::limits);
    }

    /**
     * The choice made before reading the state, when it needs nothing the state knows: the one deployment of the best
     * tier, or the pick of a strategy that reads no usage among the tier. {@link RoutingState#tryStart} then checks
     * that it neither rests nor is at a limit as it starts it, so a shared state answers the whole decision in one
     * round trip instead of two (a snapshot, then the start). A refused choice is made again after reading, which
     * gives every available deployment the chance the read alone would ({@link RoutingStrategy#readsUsage}).
     */
    private Optional<Target> chooseUnread(Route route, Predicate<String> allowed, Instant now) {
        List<Target> candidates = new ArrayList<>(route.targets().size());
        route.targets().stream().filter(target -> allowed.test(target.id())).forEach(candidates::add);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Target> tier = bestTier(candidates);
        if (tier.size() == 1) {
            return Optional.of(tier.getFirst());
        }
        return strategy.readsUsage() ? Optional.empty() : Optional.of(choose(route, tier, Map.of(), now));
    }

    private Target choose(Route route, List<Target> eligible, Map<String, DeploymentUsage> usage, Instant now) {
        List<Deployment> deployments = eligible.stream().map(Target::deployment).toList();
        Deployment chosen = strategy.pick(new Candidates(route.name(), deployments, usage, now, random));
        for (Target target : eligible) {
            if (target.deployment() == chosen || target.deployment().equals(chosen)) {
                return target;
            }
        }
        throw new IllegalStateException("routing strategy " + strategy + " chose '"
                + (chosen == null ? null : chosen.id()) + "', which is not one of the candidates it was given");
    }

    private static List<Target> bestTier(List<Target> open) {
        int best = open.stream().mapToInt(Picker::tier).min().orElseThrow();
        return best == Integer.MAX_VALUE ? open : open.stream().filter(target -> tier(target) == best).toList();
    }

    private static int tier(Target target) {
        return target.deployment().order().orElse(Integer.MAX_VALUE);
    }

    private TranscriptionException noneAvailable(Route route) {
        Instant now = clock.instant();
        List<Availability.Blocked> blocked = availability(route, now).blocked();
        Duration retryAfter = blocked.stream().map(Availability.Blocked::freeAt).min(Instant::compareTo)
                .map(at -> Duration.between(now, at)).filter(Duration::isPositive).orElse(Availability.IN_FLIGHT_WAIT);
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        String why = blocked.isEmpty() ? "all are at their limits"
                : blocked.stream().map(b -> b.deploymentId() + " " + b.reason()).collect(Collectors.joining("; "));
        return new TranscriptionException(new NoHealthyDeployment("No deployments available for model="
                + route.name() + ": " + why + ". Try again in " + seconds + " s.", Optional.of(retryAfter)));
    }
}
