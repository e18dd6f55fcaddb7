package dev.voxgate.proxy;

import dev.voxgate.state.redis.RedisResponseStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The response cache in the Redis every replica shares ({@code cache_params.type: redis}): an answer one replica kept
 * is a hit on all of them. Redis expires entries after the time to live; its own {@code maxmemory} policy decides
 * what goes when it is full.
 *
 * <p>Thread-safe, as the {@link RedisResponseStore} it adapts.
 */
final class SharedResponseStore implements ResponseStore {

    private final RedisResponseStore redis;
    private final Duration ttl;

    SharedResponseStore(RedisResponseStore redis, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    @Override
    public Optional<byte[]> get(String key) {
        return redis.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        redis.put(key, value, ttl);
    }

    @Override
    public void close() {
        redis.close();
    }
}
