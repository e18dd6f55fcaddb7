package dev.voxgate.router;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The router's behaviour, LiteLLM's {@code router_settings} in typed form.
 *
 * @param numRetries       retries within a model group after the first attempt (LiteLLM's default: 2)
 * @param attemptTimeout   how long one provider call may take unless its deployment sets {@code timeout}
 *                         (LiteLLM's default: 600 s)
 * @param fallbacks        model group → groups to try in order when it fails; the key {@code "*"} applies to
 *                         every group without its own entry
 * @param maxFallbacks     how many fallback groups one call may try at most (LiteLLM's default: 5)
 * @param cooldownTime     how long a failing deployment rests (LiteLLM's default: 5 s)
 * @param allowedFails     failures a deployment may have within a minute before it rests (LiteLLM's default: 3)
 * @param disableCooldowns never rest a deployment
 */
public record RouterSettings(
        int numRetries,
        Duration attemptTimeout,
        Map<String, List<String>> fallbacks,
        int maxFallbacks,
        Duration cooldownTime,
        int allowedFails,
        boolean disableCooldowns) {

    /** The key of the fallback list that applies to every group without its own entry. */
    public static final String ANY_GROUP = "*";

    private static final RouterSettings DEFAULTS = builder().build();

    public RouterSettings {
        if (numRetries < 0) {
            throw new IllegalArgumentException("numRetries must be zero or more, was " + numRetries);
        }
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive, was " + attemptTimeout);
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fallbacks.forEach((group, targets) -> copy.put(group, List.copyOf(targets)));
        fallbacks = Collections.unmodifiableMap(copy);
        if (maxFallbacks < 0) {
            throw new IllegalArgumentException("maxFallbacks must be zero or more, was " + maxFallbacks);
        }
        Objects.requireNonNull(cooldownTime, "cooldownTime");
        if (cooldownTime.isNegative()) {
            throw new IllegalArgumentException("cooldownTime must not be negative, was " + cooldownTime);
        }
        if (allowedFails < 0) {
            throw new IllegalArgumentException("allowedFails must be zero or more, was " + allowedFails);
        }
    }

    /** LiteLLM's defaults. */
    public static RouterSettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.numRetries = numRetries;
        builder.attemptTimeout = attemptTimeout;
        builder.fallbacks.putAll(fallbacks);
        builder.maxFallbacks = maxFallbacks;
        builder.cooldownTime = cooldownTime;
        builder.allowedFails = allowedFails;
        builder.disableCooldowns = disableCooldowns;
        return builder;
    }

    /** Builds {@link RouterSettings}, starting from LiteLLM's defaults; not thread-safe. */
    public static final class Builder {
        private int numRetries = 2;
        private Duration attemptTimeout = Duration.ofSeconds(600);
        private final Map<String, List<String>> fallbacks = new LinkedHashMap<>();
        private int maxFallbacks = 5;
        private Duration cooldownTime = Duration.ofSeconds(5);
        private int allowedFails = 3;
        private boolean disableCooldowns;

        private Builder() {
        }

        public Builder numRetries(int numRetries) {
            this.numRetries = numRetries;
            return this;
        }

        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = attemptTimeout;
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

        public Builder cooldownTime(Duration cooldownTime) {
            this.cooldownTime = cooldownTime;
            return this;
        }

        public Builder allowedFails(int allowedFails) {
            this.allowedFails = allowedFails;
            return this;
        }

        public Builder disableCooldowns(boolean disableCooldowns) {
            this.disableCooldowns = disableCooldowns;
            return this;
        }

        public RouterSettings build() {
            return new RouterSettings(numRetries, attemptTimeout, fallbacks, maxFallbacks, cooldownTime, allowedFails,
                    disableCooldowns);
        }
    }
}
