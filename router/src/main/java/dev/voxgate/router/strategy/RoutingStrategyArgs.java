package dev.voxgate.router.strategy;

import java.time.Duration;
import java.util.Objects;

/**
 * LiteLLM's {@code routing_strategy_args}, for {@link LatencyBasedStrategy}.
 *
 * @param lowestLatencyBuffer how much slower than the fastest a deployment may be and still share the load, as a
 *                            fraction (0.5 = 50 %); 0 sends everything to the fastest (LiteLLM's default: 0)
 * @param ttl                 how old a latency may be and still count (LiteLLM's default: 1 hour)
 *
 * <p>Immutable and thread-safe.
 */
public record RoutingStrategyArgs(double lowestLatencyBuffer, Duration ttl) {

    private static final RoutingStrategyArgs DEFAULTS = new RoutingStrategyArgs(0, Duration.ofHours(1));

    public RoutingStrategyArgs {
        if (!(lowestLatencyBuffer >= 0) || Double.isInfinite(lowestLatencyBuffer)) {
            throw new IllegalArgumentException("lowestLatencyBuffer must be zero or more, was " + lowestLatencyBuffer);
        }
        Objects.requireNonNull(ttl, "ttl");
        if (!ttl.isPositive()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
    }

    /** LiteLLM's defaults. */
    public static RoutingStrategyArgs defaults() {
        return DEFAULTS;
    }
}
