package dev.voxgate.router;

import dev.voxgate.router.state.RoutingState;
import dev.voxgate.router.strategy.RoutingStrategy;
import java.time.InstantSource;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Everything the {@link RoutingEngine} works with besides its routes. Every part is thread-safe, and none is null:
 * {@code Router.Builder} checks each as it is given.
 *
 * @param settings       the router's settings
 * @param clock          time for cooldowns, failure counts and reported durations
 * @param random         randomness for the strategy and the back-off jitter
 * @param strategy       chooses among healthy deployments
 * @param state          cooldowns, per-minute counts, in-flight counts and latencies
 * @param sleeper        waits out back-off delays
 * @param backoff        how long those delays are
 * @param connector      connects a deployment over a caller's own credentials; empty for a router built from ports
 * @param listeners      hear what the router does
 */
record RoutingContext(
        RouterSettings settings,
        InstantSource clock,
        RandomGenerator random,
        RoutingStrategy strategy,
        RoutingState state,
        Sleeper sleeper,
        RetryBackoff backoff,
        Optional<DeploymentConnector> connector,
        Listeners listeners) {
}
