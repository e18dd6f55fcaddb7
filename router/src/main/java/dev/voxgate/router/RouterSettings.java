package dev.voxgate.router;

import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.strategy.BuiltInStrategy;
import dev.voxgate.router.strategy.RoutingStrategyArgs;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The router's behaviour, LiteLLM's {@code router_settings} in typed form. The README's router settings table says
 * the same, with the YAML keys.
 *
 * @param numRetries                 retries within a model group after the first attempt (LiteLLM's default: 2)
 * @param retryPolicy                retries for a failure of that kind, instead of {@code numRetries} (an unknown
 *                                   model, {@code NOT_FOUND}, is never retried)
 * @param retryAfter                 the shortest back-off wait before going back to a tried deployment (default 0)
 * @param attemptTimeout             how long one provider call may take unless its deployment sets {@code timeout}
 *                                   (LiteLLM's default: 600 s)
 * @param totalTimeout               how long a whole call may take, retries, waits and fallbacks included; a call's
 *                                   own {@link CallOptions#timeout()} can only shorten it (default: none)
 * @param fallbacks                  model group → groups to try in order when it fails; the key {@code "*"} applies
 *                                   to every group without its own entry
 * @param maxFallbacks               how many fallback groups one call may try at most (LiteLLM's default: 5)
 * @param disableFallbacks           never fall back, whatever the configuration or the call says
 * @param cooldownTime               how long a failing deployment rests (LiteLLM's default: 5 s)
 * @param allowedFails               failures a deployment may have within a minute before it rests (default: 3)
 * @param allowedFailsPolicy         failures of that kind a deployment may have within a minute, instead of
 *                                   {@code allowedFails}
 * @param disableCooldowns           never rest a deployment
 * @param routingStrategy            the strategy, unless {@code Router.Builder.strategy} sets one of its own
 * @param routingStrategyArgs        the latency strategy's window and buffer
 * @param defaultMaxParallelRequests calls in flight at once per deployment that sets no
 *                                   {@code max_parallel_requests} of its own (default: no limit)
 * @param chunking                   when and how uploads too large for every capable deployment are cut into chunks
 *
 * <p>Immutable and thread-safe.
 */
public record RouterSettings(
        int numRetries,
        Map<FailureKind, Integer> retryPolicy,
        Duration retryAfter,
        Duration attemptTimeout,
        Optional<Duration> totalTimeout,
        Map<String, List<String>> fallbacks,
        int maxFallbacks,
        boolean disableFallbacks,
        Duration cooldownTime,
        int allowedFails,
        Map<FailureKind, Integer> allowedFailsPolicy,
        boolean disableCooldowns,
        BuiltInStrategy routingStrategy,
        RoutingStrategyArgs routingStrategyArgs,
        Optional<Integer> defaultMaxParallelRequests,
        ChunkingSettings chunking) {

    /** The key of the fallback list that applies to every group without its own entry. */
    public static final String ANY_GROUP = "*";

    private static final RouterSettings DEFAULTS = builder().build();

    public RouterSettings {
        requireNotNegative(numRetries, "numRetries");
        retryPolicy = policy(retryPolicy, "retryPolicy");
        requireNotNegative(retryAfter, "retryAfter");
        requirePositive(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout").ifPresent(value -> requirePositive(value, "totalTimeout"));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fallbacks.forEach((group, targets) -> copy.put(group, List.copyOf(targets)));
        fallbacks = Collections.unmodifiableMap(copy);
        requireNotNegative(maxFallbacks, "maxFallbacks");
        requireNotNegative(cooldownTime, "cooldownTime");
        requireNotNegative(allowedFails, "allowedFails");
        allowedFailsPolicy = policy(allowedFailsPolicy, "allowedFailsPolicy");
        Objects.requireNonNull(routingStrategy, "routingStrategy");
        Objects.requireNonNull(routingStrategyArgs, "routingStrategyArgs");
        Objects.requireNonNull(defaultMaxParallelRequests, "defaultMaxParallelRequests")
                .ifPresent(value -> requireNotNegative(value, "defaultMaxParallelRequests"));
        Objects.requireNonNull(chunking, "chunking");
    }

    /** LiteLLM's defaults. */
    public static RouterSettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder().numRetries(numRetries).retryPolicy(retryPolicy).retryAfter(retryAfter)
                .attemptTimeout(attemptTimeout).totalTimeout(totalTimeout.orElse(null)).fallbacks(fallbacks)
                .maxFallbacks(maxFallbacks).disableFallbacks(disableFallbacks).cooldownTime(cooldownTime)
                .allowedFails(allowedFails).allowedFailsPolicy(allowedFailsPolicy).disableCooldowns(disableCooldowns)
                .routingStrategy(routingStrategy).routingStrategyArgs(routingStrategyArgs);
        return builder.defaultMaxParallelRequests(defaultMaxParallelRequests.orElse(null)).chunking(chunking);
    }

    private static Map<FailureKind, Integer> policy(Map<FailureKind, Integer> policy, String field) {
        Objects.requireNonNull(policy, field);
        policy.forEach((kind, count) -> requireNotNegative(Objects.requireNonNull(count, field), field + "." + kind));
        return policy.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(policy));
    }

    private static void requireNotNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be zero or more, was " + value);
        }
    }

    private static void requireNotNegative(Duration value, String field) {
        if (Objects.requireNonNull(value, field).isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }

    private static void requirePositive(Duration value, String field) {
        if (!Objects.requireNonNull(value, field).isPositive()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    /** Builds {@link RouterSettings}, starting from LiteLLM's defaults; not thread-safe. Each setter replaces. */
    public static final class Builder {
        private int numRetries = 2;
        private final Map<FailureKind, Integer> retryPolicy = new EnumMap<>(FailureKind.class);
        private Duration retryAfter = Duration.ZERO;
        private Duration attemptTimeout = Duration.ofSeconds(600);
        private Duration totalTimeout;
        private final Map<String, List<String>> fallbacks = new LinkedHashMap<>();
        private int maxFallbacks = 5;
        private boolean disableFallbacks;
        private Duration cooldownTime = Duration.ofSeconds(5);
        private int allowedFails = 3;
        private final Map<FailureKind, Integer> allowedFailsPolicy = new EnumMap<>(FailureKind.class);
        private boolean disableCooldowns;
        private BuiltInStrategy routingStrategy = BuiltInStrategy.SIMPLE_SHUFFLE;
        private RoutingStrategyArgs routingStrategyArgs = RoutingStrategyArgs.defaults();
        private Integer defaultMaxParallelRequests;
        private ChunkingSettings chunking = ChunkingSettings.defaults();

        private Builder() {
        }

        public Builder numRetries(int numRetries) {
            this.numRetries = numRetries;
            return this;
        }

        /** Adds to the retry policy: {@code retries} for failures of {@code kind}. */
        public Builder retryPolicy(FailureKind kind, int retries) {
            retryPolicy.put(kind, retries);
            return this;
        }

        public Builder retryPolicy(Map<FailureKind, Integer> policy) {
            retryPolicy.putAll(policy);
            return this;
        }

        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = attemptTimeout;
            return this;
        }

        /** The whole call's deadline; {@code null} for none. */
        public Builder totalTimeout(Duration totalTimeout) {
            this.totalTimeout = totalTimeout;
            return this;
        }

        public Builder fallback(String group, List<String> targets) {
            fallbacks.put(group, targets);
            return this;
        }

        public Builder fallbacks(Map<String, List<String>> fallbacks) {
            this.fallbacks.putAll(fallbacks);
            return this;
        }

        public Builder maxFallbacks(int maxFallbacks) {
            this.maxFallbacks = maxFallbacks;
            return this;
        }

        public Builder disableFallbacks(boolean disableFallbacks) {
            this.disableFallbacks = disableFallbacks;
            return this;
        }

        public Builder cooldownTime(Duration cooldownTime) {
            this.cooldownTime = cooldownTime;
            return this;
        }

        public Builder allowedFails(int allowedFails) {
            this.allowedFails = allowedFails;
            return this;
        }

        /** Adds to the allowed-fails policy: {@code fails} failures of {@code kind} a minute before resting. */
        public Builder allowedFailsPolicy(FailureKind kind, int fails) {
            allowedFailsPolicy.put(kind, fails);
            return this;
        }

        public Builder allowedFailsPolicy(Map<FailureKind, Integer> policy) {
            allowedFailsPolicy.putAll(policy);
            return this;
        }

        public Builder disableCooldowns(boolean disableCooldowns) {
            this.disableCooldowns = disableCooldowns;
            return this;
        }

        public Builder routingStrategy(BuiltInStrategy routingStrategy) {
            this.routingStrategy = routingStrategy;
            return this;
        }

        public Builder routingStrategyArgs(RoutingStrategyArgs routingStrategyArgs) {
            this.routingStrategyArgs = routingStrategyArgs;
            return this;
        }

        /** The in-flight limit of deployments without their own; {@code null} for none. */
        public Builder defaultMaxParallelRequests(Integer defaultMaxParallelRequests) {
            this.defaultMaxParallelRequests = defaultMaxParallelRequests;
            return this;
        }

        public Builder chunking(ChunkingSettings chunking) {
            this.chunking = chunking;
            return this;
        }

        public RouterSettings build() {
            return new RouterSettings(numRetries, retryPolicy, retryAfter, attemptTimeout,
                    Optional.ofNullable(totalTimeout), fallbacks, maxFallbacks, disableFallbacks, cooldownTime,
                    allowedFails, allowedFailsPolicy, disableCooldowns, routingStrategy, routingStrategyArgs,
                    Optional.ofNullable(defaultMaxParallelRequests), chunking);
        }
    }
}
