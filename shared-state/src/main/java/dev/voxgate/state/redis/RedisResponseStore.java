package dev.voxgate.state.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Cached answers in Redis, shared by every replica: bytes under a namespaced key that expires after its time to
 * live. It never fails its caller: while Redis is away, or slower than the command timeout, a read is a miss and a
 * write is dropped; its {@link RedisLink} says so once when Redis stops answering and once when it answers again,
 * and tries again every second meanwhile.
 *
 * <p>Thread-safe. {@link #close()} once.
 */
public final class RedisResponseStore implements AutoCloseable {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final RedisLink<byte[]> link;
    private final String namespace;

    /**
     * Connects to {@code target}, waiting at most about four command timeouts; when it cannot, starts with every read a
     * miss and keeps trying.
     *
     * @param target         the server or cluster, as the shared routing state names it
     * @param namespace      the prefix of every key
     * @param commandTimeout how long one read or write may take before it counts as a miss
     */
    public RedisResponseStore(RedisTarget target, String namespace, Duration commandTimeout) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.link = new RedisLink<>(target, CODEC, commandTimeout, PROBE_EVERY, "response cache",
                "answering without the cache (every request a miss) until it answers again", ignored -> {
                });
    }

    /** The bytes under {@code key}; empty when there are none, or Redis cannot say in time. */
    public Optional<byte[]> get(String key) {
        try {
            return link.up() ? Optional.ofNullable(link.await(link.commands().get(namespace + key))) : Optional.empty();
        } catch (SharedStateException | RedisException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code value} under {@code key} for {@code ttl}; dropped when Redis cannot take it in time. */
    public void put(String key, byte[] value, Duration ttl) {
        try {
            if (link.up()) {
                link.await(link.commands().set(namespace + key, value, SetArgs.Builder.px(ttl.toMillis())));
            }
        } catch (SharedStateException | RedisException e) {
            // dropped: the next request for it asks the vendor again
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
