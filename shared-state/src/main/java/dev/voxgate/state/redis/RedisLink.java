package dev.voxgate.state.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One connection to Redis for something that must never fail its callers because Redis is away: while Redis cannot
 * be reached (at start or later), or answers slower than the command timeout, {@link #up()} is false and commands
 * throw {@link SharedStateException} at once, so the caller falls back (to local state, to a cache miss). It says so
 * once when Redis stops answering and once when it answers again. A probe every {@code probeEvery} pings, and
 * opens a fresh connection while Redis is away (Lettuce's own reconnect back-off grows to 30 s). The link's thread
 * also runs its user's periodic work ({@link #every}), and it keeps one channel {@linkplain #subscribe subscribed},
 * on a connection of its own that each fresh connection renews.
 *
 * @param <V> the values' type, as the codec reads them
 *
 * <p>Thread-safe. {@link #close()} once.
 */
public final class RedisLink<V> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisLink.class.getName());

    private final Opener<V> opener;
    private final Runnable shutdown;
    private final String purpose;
    private final String whileAway;
    private final String where;
    private final Duration commandTimeout;
    private final Consumer<RedisLink<V>> onConnect;
    private final Supplier<StatefulRedisPubSubConnection<String, String>> pubSubOpener;
    private final boolean cluster;
    private final ScheduledExecutorService background;
    private volatile Opened<V> connection;
    private volatile boolean up;
    private volatile Subscription subscription;

    /**
     * Connects to {@code target} (waiting at most about four command timeouts) and keeps trying in the background when
     * it cannot.
     *
     * @param purpose   what the link is for, in its log lines: {@code shared state}, {@code response cache}
     * @param whileAway what happens while Redis is away, for the log line that says it went
     * @param onConnect run on every fresh connection before it is used (loading scripts, say); a failure there counts
     *                  as Redis being away
     */
    public RedisLink(RedisTarget target, RedisCodec<String, V> codec, Duration commandTimeout, Duration probeEvery,
                     String purpose, String whileAway, Consumer<RedisLink<V>> onConnect) {
        this(target.describe(), switch (target) {
            case RedisTarget.Server server -> standalone(server.uri(), codec, commandTimeout);
            case RedisTarget.Cluster cluster -> cluster(cluster.nodes(), codec, commandTimeout);
        }, target instanceof RedisTarget.Cluster, commandTimeout, probeEvery, purpose, whileAway, onConnect);
    }

    private RedisLink(String where, Client<V> client, boolean cluster, Duration commandTimeout, Duration probeEvery,
                      String purpose, String whileAway, Consumer<RedisLink<V>> onConnect) {
        this.where = where;
        this.opener = client.opener();
        this.shutdown = client.shutdown();
        this.pubSubOpener = client.pubSub();
        this.cluster = cluster;
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.whileAway = Objects.requireNonNull(whileAway, "whileAway");
        this.onConnect = Objects.requireNonNull(onConnect, "onConnect");
        this.background = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("voxgate-redis").factory());
        if (!connect()) {
            LOG.log(Level.WARNING, purpose + ": Redis at " + where + " cannot be reached; " + whileAway);
        }
        background.scheduleWithFixedDelay(this::probe, probeEvery.toMillis(), probeEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether the target is a Redis Cluster, where one script may only touch the keys of one slot. */
    public boolean cluster() {
        return cluster;
    }

    /**
     * Runs {@code task} every {@code period} on the link's own thread (which the probe shares) until {@link #close};
     * a task that throws runs again the next time. Cancelling what it returns stops it.
     */
    public Future<?> every(Duration period, Runnable task) {
        return background.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, purpose + ": periodic work failed", e);
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Hands every message published on {@code channel} to {@code onMessage} (on Lettuce's thread: it must be quick),
     * from now on and again on every fresh connection; messages published while the link is down are missed. A link
     * keeps one subscription: subscribing again replaces it.
     */
    public synchronized void subscribe(String channel, Consumer<String> onMessage) {
        if (subscription != null) {
            subscription.close();
        }
        subscription = new Subscription(pubSubOpener, channel, onMessage);
        if (up) {
            try {
                listen();
            } catch (SharedStateException | RedisException e) {
                lost(new SharedStateException("Redis refused the subscription: " + e.getMessage(), e));
            }
        }
    }

    /** Whether Redis answers right now. */
    public boolean up() {
        return up;
    }

    /** The commands of the open connection; throws at once while Redis is away. */
    public RedisClusterAsyncCommands<String, V> commands() {
        Opened<V> open = connection;
        if (!up || open == null) {
            throw new SharedStateException("Redis at " + where + " is away", null);
        }
        return open.commands();
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
        background.shutdownNow();
        Subscription subscribed = subscription;
        if (subscribed != null) {
            subscribed.close();
        }
        Opened<V> open = connection;
        if (open != null) {
            open.connection().close();
        }
        shutdown.run();
    }

    private boolean connect() {
        Opened<V> opened = null;
        try {
            opened = opener.open();
            connection = opened;
            return answers();
        } catch (SharedStateException | RedisException e) {
            if (opened != null) {
                opened.connection().closeAsync();
            }
            connection = null;
            return false;
        }
    }

    // Pings the open connection and readies it; up from then on.
    private boolean answers() {
        Opened<V> open = connection;
        try {
            open.commands().ping().toCompletableFuture().get(commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
            up = true;
            onConnect.accept(this);
            listen();
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

    // Each fresh connection subscribes afresh; throws when Redis refuses, which counts as Redis being away.
    private void listen() {
        Subscription wanted = subscription;
        if (wanted != null) {
            await(wanted.renew());
        }
    }

    private void probe() {
        if (up) {
            return;
        }
        boolean back = connection != null && answers();
        if (!back) {
            Opened<V> stale = connection;
            if (stale != null) {
                stale.connection().closeAsync();
            }
            back = connect();
        }
        if (back) {
            LOG.log(Level.INFO, purpose + ": Redis at " + where + " answers again");
        }
    }

    private static <V> Client<V> standalone(RedisURI uri, RedisCodec<String, V> codec, Duration commandTimeout) {
        RedisClient client = RedisClient.create(uri);
        client.setOptions(options(commandTimeout));
        return new Client<>(() -> {
            StatefulRedisConnection<String, V> connection = client.connect(codec);
            return new Opened<>(connection, connection.async());
        }, client::connectPubSub, () -> client.shutdown(Duration.ZERO, commandTimeout));
    }

    private static <V> Client<V> cluster(List<RedisURI> nodes, RedisCodec<String, V> codec, Duration commandTimeout) {
        RedisClusterClient client = RedisClusterClient.create(List.copyOf(nodes));
        client.setOptions(ClusterClientOptions.builder(options(commandTimeout)).build());
        return new Client<>(() -> {
            StatefulRedisClusterConnection<String, V> connection = client.connect(codec);
            return new Opened<>(connection, connection.async());
        }, client::connectPubSub, () -> client.shutdown(Duration.ZERO, commandTimeout));
    }

    private static ClientOptions options(Duration commandTimeout) {
        return ClientOptions.builder().autoReconnect(true)
                // While the connection is down a command fails at once, so the caller falls back without waiting.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                // No timer per command: await() already gives up after the command timeout, and a command sent
                // without waiting fails with its connection, which the probe replaces once a wait has timed out.
                // Lettuce's own timeout put a task in its timer wheel and took it out again for every command.
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                .build();
    }

    /** How connections (and the subscription's) are opened, standalone or to a cluster; how the client shuts down. */
    private record Client<V>(Opener<V> opener, Supplier<StatefulRedisPubSubConnection<String, String>> pubSub,
                             Runnable shutdown) {
    }

    private interface Opener<V> {
        Opened<V> open();
    }

    private record Opened<V>(StatefulConnection<String, V> connection, RedisClusterAsyncCommands<String, V> commands) {
    }
}
