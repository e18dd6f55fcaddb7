package dev.voxgate.router;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long the router waits before a retry that has to go back to a deployment it already tried in this call
 * (a retry that can go to an untried deployment goes at once). LiteLLM's {@code _calculate_retry_after}: the
 * provider's {@code Retry-After} when it is positive and at most {@code maxRetryAfter}, else
 * {@code initialDelay × 2^retry} capped at {@code maxDelay}, shortened by a random jitter of up to 25 %.
 *
 * @param initialDelay  the wait before the first retry (LiteLLM: 0.5 s)
 * @param maxDelay      the longest exponential wait (LiteLLM: 8 s)
 * @param maxRetryAfter the longest {@code Retry-After} honoured as is; a longer one falls back to the exponential
 *                      wait (LiteLLM: 60 s)
 *
 * <p>Immutable and thread-safe.
 */
public record RetryBackoff(Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {

    private static final RetryBackoff DEFAULTS =
            new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
    private static final double MAX_JITTER = 0.25;

    public RetryBackoff {
        requireNotNegative(initialDelay, "initialDelay");
        requireNotNegative(maxDelay, "maxDelay");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
    }

    /** LiteLLM's values. */
    public static RetryBackoff defaults() {
        return DEFAULTS;
    }

    /** No waiting at all: retries follow each other at once. */
    public static RetryBackoff none() {
        return new RetryBackoff(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait before retry number {@code retry} (0 for the first retry of a group).
     *
     * @param retryAfter the provider's {@code Retry-After} from the failure being retried, if it sent one
     * @param random     the source of the jitter
     */
    public Duration delay(int retry, Optional<Duration> retryAfter, RandomGenerator random) {
        Optional<Duration> honoured = retryAfter
                .filter(value -> value.isPositive() && value.compareTo(maxRetryAfter) <= 0);
        if (honoured.isPresent()) {
            return honoured.get();
        }
        // Doubling in nanoseconds overflows after ~60 retries; the cap is reached long before.
        double exponential = initialDelay.toNanos() * Math.pow(2, Math.min(retry, 62));
        double capped = Math.min(exponential, maxDelay.toNanos());
        double jitter = 1 - MAX_JITTER * random.nextDouble();
        return Duration.ofNanos((long) (capped * jitter));
    }

    private static void requireNotNegative(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }
}
