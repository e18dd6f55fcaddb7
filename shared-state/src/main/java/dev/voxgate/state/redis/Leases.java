package dev.voxgate.state.redis;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * This replica's attempts on deployments with limits: each starts in try-start.lua, atomically across replicas, if
 * the deployment neither rests nor is at a limit, as a lease (a member of its in-flight set that expires
 * {@code leaseOf(id)} after the start, so the slots of a replica that died come free by themselves), and ends in
 * record.lua, sent without waiting. This replica remembers the leases it holds, to end its own.
 *
 * <p>Thread-safe.
 */
final class Leases {

    private static final LuaScript TRY_START = LuaScript.load("try-start.lua", ScriptOutputType.INTEGER);
    private static final String MINUTE_TTL_SECONDS = "120";

    private final RedisLink<String> link;
    private final String replica;
    private final Function<String, DeploymentKeys> keysOf;
    private final Function<String, Duration> leaseOf;
    private final AtomicLong numbers = new AtomicLong();
    private final Map<String, Deque<String>> held = new ConcurrentHashMap<>();

    Leases(RedisLink<String> link, String replica, Function<String, DeploymentKeys> keysOf,
           Function<String, Duration> leaseOf) {
        this.link = link;
        this.replica = replica;
        this.keysOf = keysOf;
        this.leaseOf = leaseOf;
    }

    /** Starts an attempt within {@code limits} unless the deployment rests, waiting for Redis's answer. */
    boolean tryStart(String deploymentId, Instant now, DeploymentLimits limits) {
        String lease = replica + ":" + numbers.incrementAndGet();
        Duration leaseTime = leaseOf.apply(deploymentId);
        Long started = link.await(TRY_START.run(link.commands(), keysOf.apply(deploymentId).start(now),
                Long.toString(now.toEpochMilli()), Long.toString(now.plus(leaseTime).toEpochMilli()), lease,
                limit(limits.maxParallelRequests()), limit(limits.rpm()), limit(limits.tpm()),
                Long.toString(leaseTime.toMillis()), MINUTE_TTL_SECONDS));
        if (started == null || started == 0) {
            return false;
        }
        held.computeIfAbsent(deploymentId, id -> new ConcurrentLinkedDeque<>()).addLast(lease);
        return true;
    }

    /** Whether this replica holds a lease of {@code deploymentId}. */
    boolean holds(String deploymentId) {
        Deque<String> leases = held.get(deploymentId);
        return leases != null && !leases.isEmpty();
    }

    /** One lease this replica holds on {@code deploymentId}, which it gives up; {@code null} when it holds none. */
    String take(String deploymentId) {
        Deque<String> leases = held.get(deploymentId);
        return leases == null ? null : leases.pollFirst();
    }

    /**
     * Ends the attempt on {@code lease} ({@link #take taken}) with its outcome, without waiting: later commands of
     * this replica run after it, in order; a failure tells the link.
     */
    void end(String deploymentId, Instant now, AttemptOutcome outcome, String lease) {
        new Recording(replica, now, null)
                .add(deploymentId, keysOf.apply(deploymentId), Tally.Delta.of(now, outcome), lease,
                        leaseOf.apply(deploymentId))
                .run(link.commands()).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        link.lost(new SharedStateException("Redis failed: " + failure.getMessage(), failure));
                    }
                });
    }

    static CompletionStage<String> load(RedisClusterAsyncCommands<String, String> redis) {
        return TRY_START.load(redis);
    }

    private static String limit(Optional<Integer> value) {
        return value.map(number -> Integer.toString(number)).orElse("-1");
    }
}
