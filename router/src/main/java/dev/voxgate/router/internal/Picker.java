package dev.voxgate.router.internal;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.NoHealthyDeployment;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.router.strategy.Candidates;
import dev.voxgate.router.strategy.RoutingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Leaves out the deployments that rest, then lets the {@link RoutingStrategy} choose among the rest.
 *
 * <p>Thread-safe; holds no per-call state.
 */
final class Picker {

    private final RoutingState state;
    private final InstantSource clock;
    private final RoutingStrategy strategy;
    private final RandomGenerator random;

    Picker(RoutingState state, InstantSource clock, RoutingStrategy strategy, RandomGenerator random) {
        this.state = state;
        this.clock = clock;
        this.strategy = strategy;
        this.random = random;
    }

    /** The first pick of a call; a {@link NoHealthyDeployment} failure when every deployment rests. */
    <P> Target<P> first(Route<P> route) {
        Instant now = clock.instant();
        Map<String, Instant> resting = state.restingUntil(route.ids(), now);
        List<Target<P>> healthy = withoutResting(route.targets(), resting);
        if (healthy.isEmpty()) {
            throw noneHealthy(route, resting.values(), now);
        }
        return pick(route, healthy);
    }

    /** The route's deployments that do not rest now. */
    <P> List<Target<P>> healthy(Route<P> route) {
        return withoutResting(route.targets(), state.restingUntil(route.ids(), clock.instant()));
    }

    /** The strategy's choice among {@code eligible}, which is not empty. */
    <P> Target<P> pick(Route<P> route, List<Target<P>> eligible) {
        List<Deployment> deployments = eligible.stream().map(Target::deployment).toList();
        Deployment chosen = strategy.pick(new Candidates(route.name(), deployments, random));
        for (Target<P> target : eligible) {
            if (target.deployment().equals(chosen)) {
                return target;
            }
        }
        throw new IllegalStateException("routing strategy " + strategy + " chose '"
                + (chosen == null ? null : chosen.id()) + "', which is not one of the candidates it was given");
    }

    private static <P> List<Target<P>> withoutResting(List<Target<P>> targets, Map<String, Instant> resting) {
        return resting.isEmpty() ? targets : targets.stream().filter(t -> !resting.containsKey(t.id())).toList();
    }

    private static TranscriptionException noneHealthy(Route<?> route, Collection<Instant> backAt, Instant now) {
        Optional<Duration> retryAfter = backAt.stream().min(Instant::compareTo).map(at -> Duration.between(now, at));
        long seconds = retryAfter.map(wait -> Math.max(1, (wait.toMillis() + 999) / 1000)).orElse(1L);
        int count = route.targets().size();
        return new TranscriptionException(new NoHealthyDeployment("No deployments available for model="
                + route.name() + ": " + (count == 1 ? "its deployment is" : "all " + count + " deployments are")
                + " cooling down. Try again in " + seconds + " s.", retryAfter));
    }
}
