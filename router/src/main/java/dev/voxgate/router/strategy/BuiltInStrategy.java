package dev.voxgate.router.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The strategies {@code router_settings.routing_strategy} names, each with LiteLLM's name(s).
 *
 * <p>Immutable and thread-safe.
 */
public enum BuiltInStrategy {
    /** {@link SimpleShuffleStrategy}; the default. */
    SIMPLE_SHUFFLE(List.of("simple-shuffle"), args -> new SimpleShuffleStrategy()),
    /** {@link LeastBusyStrategy}. */
    LEAST_BUSY(List.of("least-busy"), args -> new LeastBusyStrategy()),
    /** {@link LatencyBasedStrategy}, with the {@link RoutingStrategyArgs}. */
    LATENCY_BASED(List.of("latency-based-routing"), LatencyBasedStrategy::new),
    /** {@link UsageBasedStrategy}; LiteLLM's v2 is the same here, as counts always live in the routing state. */
    USAGE_BASED(List.of("usage-based-routing", "usage-based-routing-v2"), args -> new UsageBasedStrategy());

    private final List<String> names;
    private final Function<RoutingStrategyArgs, RoutingStrategy> factory;

    BuiltInStrategy(List<String> names, Function<RoutingStrategyArgs, RoutingStrategy> factory) {
        this.names = names;
        this.factory = factory;
    }

    /** LiteLLM's name, e.g. {@code latency-based-routing}. */
    public String liteLlmName() {
        return names.getFirst();
    }

    /** The strategy LiteLLM calls {@code name}; empty for any other name. */
    public static Optional<BuiltInStrategy> named(String name) {
        return Arrays.stream(values()).filter(strategy -> strategy.names.contains(name)).findFirst();
    }

    /** Every name {@link #named} knows, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).flatMap(strategy -> strategy.names.stream()).toList();
    }

    /** A new instance, configured by {@code args} where it takes any. */
    public RoutingStrategy create(RoutingStrategyArgs args) {
        return factory.apply(args);
    }
}
