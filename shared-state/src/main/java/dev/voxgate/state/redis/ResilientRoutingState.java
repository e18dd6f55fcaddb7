package dev.voxgate.state.redis;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.RoutingState;
import io.lettuce.core.RedisException;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * The state every replica shares, in Redis, that never fails a call because Redis is away: while Redis cannot be
 * reached (at start or later), or answers slower than the command timeout, the router runs on this replica's own
 * in-memory state, as a single instance would. {@link RedisLink} says so once when sharing stops and once when it
 * resumes, and {@link #shared()} tells a metric.
 *
 * <p>An attempt ends where it started: one begun in Redis ends there (if Redis is gone by then its lease expires on
 * its own, and the counts of one begun without a round trip are lost with the rest of the tally), one begun locally
 * ends locally. Attempts on deployments without limits start without waiting on Redis at all, so a Redis that went
 * away is noticed by the next flush of their counts, within {@link RedisRoutingState#FLUSH_EVERY} and the command
 * timeout.
 *
 * <p>Thread-safe. {@link #close()} once, when the router is done.
 */
public final class ResilientRoutingState implements RoutingState, AutoCloseable {

    private final RoutingState local = RoutingState.inMemory();
    private final RedisLink<String> link;
    private final RedisRoutingState redis;

    /**
     * Connects to {@code target} (waiting at most about four command timeouts), and shares state through it from then
     * on; when it cannot, starts on local state and keeps trying.
     *
     * @param target         the server (standalone or Sentinel) or the cluster
     * @param namespace      the prefix of every key
     * @param leaseOf        how long an attempt on a deployment may hold its slot (its timeout and a margin)
     * @param commandTimeout how long one command may take
     * @param probeEvery     how often to try again while Redis is away
     * @param clock          the router's clock
     */
    public ResilientRoutingState(RedisTarget target, String namespace, Function<String, Duration> leaseOf,
                                 Duration commandTimeout, Duration probeEvery, InstantSource clock) {
        this.link = new RedisLink<>(target, StringCodec.UTF8, commandTimeout, probeEvery, "shared state",
                "routing on this replica's own state until it answers again (limits, rests and counts are not "
                        + "shared meanwhile)", RedisRoutingState::loadScripts);
        this.redis = new RedisRoutingState(link, namespace, leaseOf, clock);
    }

    /** Whether state is shared through Redis right now; {@code false} while routing on local state. */
    public boolean shared() {
        return link.up();
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
        if (redis.holdsAttempt(deploymentId)) {
            try {
                return redis.finish(deploymentId, now, outcome);
            } catch (SharedStateException | RedisException e) {
                // the link has said Redis is away; the lease expires there by itself
            }
        }
        return local.finish(deploymentId, now, outcome);
    }

    @Override
    public void end(String deploymentId, Instant now, AttemptOutcome outcome) {
        if (redis.holdsAttempt(deploymentId)) {
            try {
                redis.end(deploymentId, now, outcome);
                return;
            } catch (SharedStateException | RedisException e) {
                // as for finish
            }
        }
        local.end(deploymentId, now, outcome);
    }

    @Override
    public void close() {
        redis.close();
        link.close();
    }

    // On Redis while it answers, else (and when the call fails there) on local state.
    private <T> T either(Function<RoutingState, T> call) {
        if (link.up()) {
            try {
                return call.apply(redis);
            } catch (SharedStateException | RedisException e) {
                link.lost(e instanceof SharedStateException shared ? shared
                        : new SharedStateException("Redis failed: " + e.getMessage(), e));
            }
        }
        return call.apply(local);
    }
}
