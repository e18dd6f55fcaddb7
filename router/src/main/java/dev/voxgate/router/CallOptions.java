package dev.voxgate.router;

import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.CallerCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one caller asks of one routed call, on top of the router's settings.
 *
 * @param task                 what is asked of the audio: a transcription (the default) or a translation into English
 * @param fallbacks            model groups to try, in order, when the named one fails; replaces the configured list
 * @param timeout              deadline for the whole call, retries and fallbacks included; the router's
 *                             {@code totalTimeout}, when shorter, still applies
 * @param numRetries           retries within each model group, instead of the router's {@code num_retries}
 * @param mockTestingFallbacks make the first group fail at once, without calling its provider, to exercise fallbacks
 * @param disableFallbacks     do not fall back in this call (the router's {@code disableFallbacks} also stops them)
 * @param credentials          the caller's own credentials, applied over the named group's deployments for this call;
 *                             their limits, counts and cooldowns still hold, and a failure of the caller's key fails
 *                             this call alone
 *
 * <p>Immutable and thread-safe.
 */
public record CallOptions(
        AudioTask task,
        Optional<List<String>> fallbacks,
        Optional<Duration> timeout,
        Optional<Integer> numRetries,
        boolean mockTestingFallbacks,
        boolean disableFallbacks,
        CallerCredentials credentials) {

    private static final CallOptions DEFAULTS = builder().build();
    private static final CallOptions TRANSLATION = builder().task(AudioTask.TRANSLATE).build();

    public CallOptions {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(fallbacks, "fallbacks");
        fallbacks = fallbacks.map(List::copyOf);
        Objects.requireNonNull(timeout, "timeout");
        timeout.ifPresent(value -> {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + value);
            }
        });
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(numRetries, "numRetries");
        numRetries.ifPresent(value -> {
            if (value < 0) {
                throw new IllegalArgumentException("numRetries must be zero or more, was " + value);
            }
        });
    }

    /** No per-call options: the router's settings apply. */
    public static CallOptions defaults() {
        return DEFAULTS;
    }

    /** No per-call options, for a translation. */
    public static CallOptions translation() {
        return TRANSLATION;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CallOptions}; not thread-safe. */
    public static final class Builder {
        private AudioTask task = AudioTask.TRANSCRIBE;
        private List<String> fallbacks;
        private Duration timeout;
        private Integer numRetries;
        private boolean mockTestingFallbacks;
        private boolean disableFallbacks;
        private CallerCredentials credentials = CallerCredentials.NONE;

        private Builder() {
        }

        public Builder task(AudioTask task) {
            this.task = task;
            return this;
        }

        public Builder fallbacks(List<String> fallbacks) {
            this.fallbacks = fallbacks;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder numRetries(Integer numRetries) {
            this.numRetries = numRetries;
            return this;
        }

        public Builder mockTestingFallbacks(boolean mockTestingFallbacks) {
            this.mockTestingFallbacks = mockTestingFallbacks;
            return this;
        }

        public Builder disableFallbacks(boolean disableFallbacks) {
            this.disableFallbacks = disableFallbacks;
            return this;
        }

        public Builder credentials(CallerCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public CallOptions build() {
            return new CallOptions(task, Optional.ofNullable(fallbacks), Optional.ofNullable(timeout),
                    Optional.ofNullable(numRetries), mockTestingFallbacks, disableFallbacks, credentials);
        }
    }
}
