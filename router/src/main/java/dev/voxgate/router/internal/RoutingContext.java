package dev.voxgate.router.internal;

import dev.voxgate.router.RetryBackoff;
import dev.voxgate.router.RouterSettings;
import dev.voxgate.router.Sleeper;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.router.strategy.RoutingStrategy;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/**
 * Everything the {@link RoutingEngine} works with besides its routes. Every part is thread-safe.
 *
 * @param settings       the router's settings
 * @param clock          time for cooldowns and failure counts
 * @param random         randomness for the strategy and the back-off jitter
 * @param strategy       chooses among healthy deployments
 * @param state          cooldowns and failure counts
 * @param sleeper        waits out back-off delays
 * @param backoff        how long those delays are
 * @param attemptThreads runs the attempts of platform-thread callers, so a timeout can interrupt them
 */
public record RoutingContext(
        RouterSettings settings,
        InstantSource clock,
        RandomGenerator random,
        RoutingStrategy strategy,
        RoutingState state,
        Sleeper sleeper,
        RetryBackoff backoff,
        ExecutorService attemptThreads) {

    public RoutingContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(attemptThreads, "attemptThreads");
    }
}
