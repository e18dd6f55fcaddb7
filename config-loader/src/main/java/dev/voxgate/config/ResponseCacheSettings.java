package dev.voxgate.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The response cache LiteLLM's {@code litellm_settings.cache: true} switches on, as its {@code cache_params} shape it:
 * where answers are kept ({@code type}) and for how long ({@code ttl}). A {@link Store#REDIS} cache uses the Redis the
 * replicas share state through ({@link VoxgateConfig#redis()}).
 *
 * @param store where answers are kept
 * @param ttl   how long an answer is served again after it was stored ({@code cache_params.ttl}, seconds; default
 *              {@link #DEFAULT_TTL})
 *
 * <p>Immutable and thread-safe.
 */
public record ResponseCacheSettings(Store store, Duration ttl) {

    /** How long answers are kept when {@code cache_params} sets no {@code ttl}: an hour. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    /** Where cached answers live. */
    public enum Store {
        /** In this process's memory, bounded; each replica has its own ({@code type: local}, the default). */
        LOCAL("local"),
        /** In the shared Redis: an answer one replica stored is a hit on every other ({@code type: redis}). */
        REDIS("redis");

        private final String configName;

        Store(String configName) {
            this.configName = configName;
        }

        /** The {@code cache_params.type} that names it. */
        public String configName() {
            return configName;
        }
    }

    public ResponseCacheSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be more than 0, was " + ttl);
        }
    }
}
