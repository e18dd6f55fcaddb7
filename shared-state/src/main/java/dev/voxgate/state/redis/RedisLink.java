package dev.voxgate.state.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.RedisCodec;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One connection to Redis for something that must never fail its callers because Redis is away: while Redis cannot
 * be reached (at start or later), or answers slower than the command timeout, {@link #up()} is false and commands
 * throw {@link SharedStateException} at once, so the caller falls back (to local state, to a cache miss). It says so
 * once when Redis stops answering and once when it answers again. A probe every {@code probeEvery} pings, and
 * opens a fresh connection while Redis is away (Lettuce's own reconnect back-off grows to 30 s).
 *
 * @param <V> the values' type, as the codec reads them
 *
 * <p>Thread-safe. {@link #close()} once.
 */
public final class RedisLink<V> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisLink.class.getName());

    private final RedisClient client;
    private final RedisCodec<String, V> codec;
    private final String purpose;
    private final String whileAway;
    private final String where;
    private final Duration commandTimeout;
    private final Consumer<RedisLink<V>> onConnect;
    private final ScheduledExecutorService probe;
    private volatile StatefulRedisConnection<String, V> connection;
    private volatile boolean up;

    /**
     * Connects to {@code uri} (waiting at most about four command timeouts) and keeps trying in the background when
     * it cannot.
     *
     * @param purpose        what the link is for, in its log lines: {@code shared state}, {@code response cache}
     * @param whileAway      what happens while Redis is away, for the log line that says it went
     * @param onConnect      run on every fresh connection before it is used (loading scripts, say); a failure there
     *                       counts as Redis being away
     */
    public RedisLink(RedisURI uri, RedisCodec<String, V> codec, Duration commandTimeout, Duration probeEvery,
                     String purpose, String whileAway, Consumer<RedisLink<V>> onConnect) {
        this.where = describe(Objects.requireNonNull(uri, "uri"));
        this.codec = Objects.requireNonNull(codec, "codec");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.whileAway = Objects.requireNonNull(whileAway, "whileAway");
        this.onConnect = Objects.requireNonNull(onConnect, "onConnect");
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While the connection is down a command fails at once, so the caller falls back without waiting.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                .build());
        this.probe = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("voxgate-redis-probe").factory());
        if (!connect()) {
            LOG.log(Level.WARNING, purpose + ": Redis at " + where + " cannot be reached; " + whileAway);
        }
        probe.scheduleWithFixedDelay(this::probe, probeEvery.toMillis(), probeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether Redis answers right now. */
    public boolean up() {
        return up;
    }

    /** The commands of the open connection; throws at once while Redis is away. */
    public RedisAsyncCommands<String, V> commands() {
        StatefulRedisConnection<String, V> open = connection;
        if (!up || open == null) {
            throw new SharedStateException("Redis at " + where + " is away", null);
        }
        return open.async();
    }

    /**
     * What {@code stage} gives, within the command timeout; a failure or a timeout ends the link's use until the probe
     * finds Redis answering again, and throws.
     */
    public <T> T await(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            return future.get(commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw lost(new SharedStateException("Redis did not answer within " + commandTimeout.toMillis() + " ms", e));
        } catch (ExecutionException e) {
            throw lost(new SharedStateException("Redis failed: " + e.getCause().getMessage(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SharedStateException("interrupted while waiting for Redis", e);
        }
    }

    /** Says, once per outage, that Redis stopped answering; returns {@code failure} to be thrown. */
    public SharedStateException lost(SharedStateException failure) {
        boolean told;
        synchronized (this) {
            told = up;
            up = false;
        }
        if (told) {
            LOG.log(Level.WARNING, purpose + ": Redis at " + where + " failed (" + failure.getMessage() + "); "
                    + whileAway);
        }
        return failure;
    }

    @Override
    public void close() {
        probe.shutdownNow();
        StatefulRedisConnection<String, V> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, commandTimeout);
    }

    private boolean connect() {
        StatefulRedisConnection<String, V> opened = null;
        try {
            opened = client.connect(codec);
            connection = opened;
            return answers();
        } catch (SharedStateException | RedisException e) {
            if (opened != null) {
                opened.closeAsync();
            }
            connection = null;
            return false;
        }
    }

    // Pings the open connection and readies it; up from then on.
    private boolean answers() {
        StatefulRedisConnection<String, V> open = connection;
        try {
            open.async().ping().toCompletableFuture().get(commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
            up = true;
            onConnect.accept(this);
            return up;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            up = false;
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            up = false;
            return false;
        }
    }

    private void probe() {
        if (up) {
            return;
        }
        boolean back = connection != null && answers();
        if (!back) {
            StatefulRedisConnection<String, V> stale = connection;
            if (stale != null) {
                stale.closeAsync();
            }
            back = connect();
        }
        if (back) {
            LOG.log(Level.INFO, purpose + ": Redis at " + where + " answers again");
        }
    }

    // host:port or the Sentinel master's name, never the password.
    private static String describe(RedisURI uri) {
        return uri.getSentinelMasterId() != null ? "sentinel master " + uri.getSentinelMasterId()
                : uri.getHost() + ":" + uri.getPort();
    }
}
