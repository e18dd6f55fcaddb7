package dev.voxgate.config.litellm;

import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.strategy.BuiltInStrategy;
import dev.voxgate.router.strategy.RoutingStrategyArgs;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the router settings with a structure of their own: {@code routing_strategy} and its
 * {@code routing_strategy_args}, and the per-kind {@code retry_policy} and {@code allowed_fails_policy}, whose keys
 * are LiteLLM's ({@code TimeoutErrorRetries}, {@code RateLimitErrorAllowedFails}, …).
 *
 * <p>Not thread-safe; one instance per file.
 */
final class RouterPolicyReader {

    private static final String CONTENT_POLICY = "ContentPolicyViolationError";
    // Strategies LiteLLM has that make no sense for audio or are not offered; configs naming them still load.
    private static final String COST_BASED = "cost-based-routing";

    private final ValueReader values;

    RouterPolicyReader(ValueReader values) {
        this.values = values;
    }

    /** {@code routing_strategy}: one of LiteLLM's names; empty (with a warning) for one Voxgate does not offer. */
    Optional<BuiltInStrategy> strategy(YamlNode node) {
        Optional<String> name = values.text(node);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<BuiltInStrategy> strategy = BuiltInStrategy.named(name.get());
        if (strategy.isEmpty() && name.get().equals(COST_BASED)) {
            values.warn(node, "routing_strategy '" + COST_BASED + "' is not supported (speech is priced per second,"
                    + " not per token); simple-shuffle is used");
        } else if (strategy.isEmpty()) {
            throw values.error(node, "is not a routing strategy; use one of "
                    + String.join(", ", BuiltInStrategy.names()));
        }
        return strategy;
    }

    /** {@code routing_strategy_args}: {@code ttl} (seconds) and {@code lowest_latency_buffer}. */
    RoutingStrategyArgs strategyArgs(YamlNode node) {
        RoutingStrategyArgs defaults = RoutingStrategyArgs.defaults();
        double buffer = defaults.lowestLatencyBuffer();
        var ttl = defaults.ttl();
        for (Map.Entry<String, YamlNode> entry : values.mapping(node, "a map such as {ttl: 60}").entries().entrySet()) {
            switch (entry.getKey()) {
                case "lowest_latency_buffer" -> buffer = values.nonNegative(entry.getValue()).orElse(buffer);
                case "ttl" -> ttl = values.seconds(entry.getValue(), false).orElse(ttl);
                default -> values.ignore(entry.getValue());
            }
        }
        return new RoutingStrategyArgs(buffer, ttl);
    }

    /** {@code retry_policy}; an unknown model is never retried, so it has no key here. */
    Map<FailureKind, Integer> retryPolicy(YamlNode node) {
        return policy(node, "Retries", EnumSet.complementOf(EnumSet.of(FailureKind.NOT_FOUND)));
    }

    /** {@code allowed_fails_policy}. */
    Map<FailureKind, Integer> allowedFailsPolicy(YamlNode node) {
        return policy(node, "AllowedFails", EnumSet.allOf(FailureKind.class));
    }

    /**
     * A per-kind policy: each key is the LiteLLM name of one of {@code kinds} followed by {@code suffix}
     * ({@code Retries} or {@code AllowedFails}), each value a count.
     */
    private Map<FailureKind, Integer> policy(YamlNode node, String suffix, Set<FailureKind> kinds) {
        Map<FailureKind, Integer> policy = new EnumMap<>(FailureKind.class);
        Mapping mapping = values.mapping(node, "a map such as {TimeoutError" + suffix + ": 2}");
        mapping.entries().forEach((key, value) -> {
            Optional<FailureKind> kind = kinds.stream()
                    .filter(candidate -> key.equals(candidate.liteLlmName() + suffix)).findFirst();
            if (kind.isPresent()) {
                values.count(value).ifPresent(count -> policy.put(kind.get(), count));
            } else if (key.equals(CONTENT_POLICY + suffix)) {
                values.warn(value, "Voxgate has no content-policy failure for speech; ignored");
            } else {
                values.warn(value, "is not a failure kind; ignored (known: " + String.join(", ",
                        kinds.stream().map(k -> k.liteLlmName() + suffix).toList()) + ")");
            }
        });
        return policy;
    }
}
