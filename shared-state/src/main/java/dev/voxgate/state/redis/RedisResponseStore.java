package dev.voxgate.state.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Cached answers in Redis, shared by every replica: bytes under a namespaced key that expires after its time to
 * live. It never fails its caller: while Redis is away, or slower than the command timeout, a read is a miss and a
 * write is dropped. It says so once when Redis stops answering and once when it answers again; a connection that
 * drops is re-established every second, and one that could not be opened is tried again, in the background, at most
 * every second.
 *
 * <p>Thread-safe. {@link #close()} once.
 */
public final class RedisResponseStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisResponseStore.class.getName());
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(1);

    private final RedisURI uri;
    private final String namespace;
    private final Duration commandTimeout;
    private final String where;
    private final ClientResources resources;
    private final RedisClient client;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicLong nextConnectNanos = new AtomicLong(System.nanoTime());
    private volatile StatefulRedisConnection<String, byte[]> connection;

    /**
     * Connects to {@code uri}, waiting at most about four command timeouts; when it cannot, starts with every read a
     * miss and keeps trying.
     *
     * @param uri            the server, as the shared routing state names it
     * @param namespace      the prefix of every key
     * @param commandTimeout how long one read or write may take before it counts as a miss
     */
    public RedisResponseStore(RedisURI uri, String namespace, Duration commandTimeout) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.where = ResilientRoutingState.describe(uri);
        // Lettuce's own back-off grows to 30 s; a cache that is away costs vendor calls, so it comes back sooner.
        this.resources = ClientResources.builder().reconnectDelay(Delay.constant(RECONNECT_EVERY)).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                .build());
        try {
            connection = client.connect(CODEC, uri);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** The bytes under {@code key}; empty when there are none, or Redis cannot say in time. */
    public Optional<byte[]> get(String key) {
        return run(open -> open.async().get(namespace + key));
    }

    /** Keeps {@code value} under {@code key} for {@code ttl}; dropped when Redis cannot take it in time. */
    public void put(String key, byte[] value, Duration ttl) {
        run(open -> open.async().set(namespace + key, value, SetArgs.Builder.px(ttl.toMillis())));
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, commandTimeout);
        resources.shutdown(0, commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <T> Optional<T> run(Function<StatefulRedisConnection<String, byte[]>, RedisFuture<T>> command) {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open == null) {
            connectInBackground();
            return Optional.empty();
        }
        try {
            T result = command.apply(open).get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (failing.compareAndSet(true, false)) {
                LOG.log(Level.INFO, "response cache: Redis at " + where + " answers again");
            }
            return Optional.ofNullable(result);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failed(e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    // One attempt at a time, at most one a second, never on the caller's time.
    private void connectInBackground() {
        long now = System.nanoTime();
        long next = nextConnectNanos.get();
        if (now - next < 0 || !nextConnectNanos.compareAndSet(next, now + RECONNECT_EVERY.toNanos())
                || !connecting.compareAndSet(false, true)) {
            return;
        }
        client.connectAsync(CODEC, uri).whenComplete((opened, error) -> {
            if (error == null) {
                connection = opened;
            }
            connecting.set(false);
        });
    }

    // Only the first failure of an outage is told; the requests failing with it find it told already.
    private void failed(Throwable e) {
        if (failing.compareAndSet(false, true)) {
            String cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage();
            LOG.log(Level.WARNING, "response cache: Redis at " + where + " failed (" + cause + "); answering "
                    + "without the cache (every request a miss) until it answers again");
        }
    }
}
