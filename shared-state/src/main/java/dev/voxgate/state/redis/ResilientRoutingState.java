package dev.voxgate.state.redis;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.RoutingState;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The state every replica shares, in Redis, that never fails a call because Redis is away: while Redis cannot be
 * reached (at start or later), or answers slower than the command timeout, the router runs on this replica's own
 * in-memory state, as a single instance would. It says so once when sharing stops and once when it resumes, and
 * {@link #shared()} tells a metric. A probe every {@code probeEvery} connects or pings until Redis answers again;
 * Lettuce reconnects a dropped connection by itself meanwhile.
 *
 * <p>An attempt ends where it started: one begun in Redis ends there (if Redis is gone by then its lease expires on
 * its own), one begun locally ends locally.
 *
 * <p>Thread-safe. {@link #close()} once, when the router is done.
 */
public final class ResilientRoutingState implements RoutingState, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ResilientRoutingState.class.getName());

    private final RoutingState local = RoutingState.inMemory();
    private final RedisClient client;
    private final String where;
    private final String namespace;
    private final Function<String, Duration> leaseOf;
    private final Duration commandTimeout;
    private final InstantSource clock;
    private final ScheduledExecutorService probe;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile RedisRoutingState redis;
    private volatile boolean shared;

    /**
     * Connects to {@code uri} (waiting at most about the command timeout), and shares state through it from then
     * on; when it cannot, starts on local state and keeps trying.
     *
     * @param uri            the server: standalone ({@code redis://}, {@code rediss://}) or Sentinel
     *                       ({@code redis-sentinel://})
     * @param namespace      the prefix of every key
     * @param leaseOf        how long an attempt on a deployment may hold its slot (its timeout and a margin)
     * @param commandTimeout how long one command may take
     * @param probeEvery     how often to try again while Redis is away
     * @param clock          the router's clock
     */
    public ResilientRoutingState(RedisURI uri, String namespace, Function<String, Duration> leaseOf,
                                 Duration commandTimeout, Duration probeEvery, InstantSource clock) {
        this.where = describe(Objects.requireNonNull(uri, "uri"));
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.leaseOf = Objects.requireNonNull(leaseOf, "leaseOf");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While the connection is down a command fails at once, so the call routes locally without waiting.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                .build());
        this.probe = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("voxgate-redis-probe")
                .factory());
        if (!tryConnect()) {
            LOG.log(Level.WARNING, "shared state: Redis at " + where + " cannot be reached; routing on this "
                    + "replica's own state until it can (limits, rests and counts are not shared meanwhile)");
        }
        probe.scheduleWithFixedDelay(this::probe, probeEvery.toMillis(), probeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether state is shared through Redis right now; {@code false} while routing on local state. */
    public boolean shared() {
        return shared;
    }

    @Override
    public Map<String, Instant> restingUntil(Collection<String> deploymentIds, Instant now) {
        return either(state -> state.restingUntil(deploymentIds, now));
    }

    @Override
    public void rest(String deploymentId, Instant until) {
        either(state -> {
            state.rest(deploymentId, until);
            return null;
        });
    }

    @Override
    public Map<String, DeploymentUsage> usage(Collection<String> deploymentIds, Instant now) {
        return either(state -> state.usage(deploymentIds, now));
    }

    @Override
    public Snapshot snapshot(Collection<String> deploymentIds, Instant now) {
        return either(state -> state.snapshot(deploymentIds, now));
    }

    @Override
    public boolean tryStart(String deploymentId, Instant now, DeploymentLimits limits) {
        return either(state -> state.tryStart(deploymentId, now, limits));
    }

    @Override
    public MinuteCounts finish(String deploymentId, Instant now, AttemptOutcome outcome) {
        RedisRoutingState current = redis;
        if (current != null && current.holdsLease(deploymentId)) {
            try {
                return current.finish(deploymentId, now, outcome);
            } catch (SharedStateException | RedisException e) {
                lost(e);
            }
        }
        return local.finish(deploymentId, now, outcome);
    }

    @Override
    public void end(String deploymentId, Instant now, AttemptOutcome outcome) {
        RedisRoutingState current = redis;
        if (current != null && current.holdsLease(deploymentId)) {
            try {
                current.endLater(deploymentId, now, outcome).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        lost(failure instanceof RuntimeException runtime ? runtime
                                : new SharedStateException("Redis failed: " + failure.getMessage(), failure));
                    }
                });
                return;
            } catch (SharedStateException | RedisException e) {
                lost(e);
            }
        }
        local.end(deploymentId, now, outcome);
    }

    @Override
    public void close() {
        probe.shutdownNow();
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, commandTimeout);
    }

    // On Redis while it is shared, else (and when the call fails there) on local state.
    private <T> T either(Function<RoutingState, T> call) {
        RedisRoutingState current = shared ? redis : null;
        if (current != null) {
            try {
                return call.apply(current);
            } catch (SharedStateException | RedisException e) {
                lost(e);
            }
        }
        return call.apply(local);
    }

    private boolean tryConnect() {
        StatefulRedisConnection<String, String> opened = null;
        try {
            opened = client.connect(StringCodec.UTF8);
            RedisRoutingState state = new RedisRoutingState(opened.async(), namespace, leaseOf, commandTimeout, clock);
            state.ping();
            state.loadScripts();
            connection = opened;
            redis = state;
            shared = true;
            return true;
        } catch (SharedStateException | RedisException e) {
            if (opened != null) {
                opened.closeAsync();
            }
            return false;
        }
    }

    // A connection Lettuce is still reconnecting (its back-off grows to 30 s) is replaced by a fresh one, so that
    // sharing resumes within a probe or two of Redis answering again.
    private void probe() {
        if (shared) {
            return;
        }
        RedisRoutingState current = redis;
        boolean back = false;
        if (current != null) {
            try {
                current.ping();
                current.loadScripts(); // a Redis that restarted has forgotten them
                shared = true;
                back = true;
            } catch (SharedStateException | RedisException e) {
                StatefulRedisConnection<String, String> stale = connection;
                redis = null;
                connection = null;
                stale.closeAsync();
            }
        }
        if (!back) {
            back = tryConnect();
        }
        if (back) {
            LOG.log(Level.INFO, "shared state: Redis at " + where + " answers again; limits, rests and counts are "
                    + "shared once more");
        }
    }

    // Only the call that ends sharing says so: the others that fail at the same moment find it already ended.
    private synchronized void lost(RuntimeException e) {
        if (shared) {
            shared = false;
            LOG.log(Level.WARNING, "shared state: Redis at " + where + " failed (" + e.getMessage() + "); routing "
                    + "on this replica's own state until it answers again");
        }
    }

    // host:port or the Sentinel master's name, never the password.
    static String describe(RedisURI uri) {
        return uri.getSentinelMasterId() != null ? "sentinel master " + uri.getSentinelMasterId()
                : uri.getHost() + ":" + uri.getPort();
    }
}
