package dev.voxgate.state.redis;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.LatencySample;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.RoutingState;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@link RoutingState} in Redis, shared by every replica that names the same server and namespace: rests, this
 * minute's requests, failures (by kind) and audio seconds, in-flight attempts and latency samples.
 *
 * <p>An attempt on a deployment <em>without limits</em> ({@link DeploymentLimits#unlimited}) costs no round trip a
 * call waits for: it starts unless this replica's {@link RestView} says the deployment rests, and its start, end and
 * outcome wait in the deployment's {@link Tally} for the next flush, which sends every deployment's tally in one
 * script call each {@code flushEvery} (per Redis Cluster slot when clustered). {@link #usage} adds what is not
 * flushed yet, so this replica's readings never lag its own attempts. An attempt on a deployment <em>with</em> limits
 * starts in one atomic script that checks the rest and the limits, as a lease: a member of the deployment's
 * in-flight set that expires {@code leaseOf(id)} after it started (the attempt's timeout and a margin), so the slots
 * of a replica that died holding them come free by themselves; its end is sent at once without waiting. A failure
 * ({@link #finish}) is always recorded atomically, with the deployment's tally, and waited for: the shared counts it
 * answers decide the cooldown. Without limits, this replica's attempts in flight are one count in Redis, told by
 * each flush, that expires a lease after it was last told.
 *
 * <p>Keys are {@code <namespace>{<deployment id>}:<what>}: the braces keep one deployment's keys in one Redis
 * Cluster slot, as its scripts need. Every key expires: a rest when it ends, a minute's counts two minutes on, the
 * in-flight set a lease after its newest attempt started, the samples an hour after the last success.
 *
 * <p>A command that fails or takes longer than the link's command timeout throws (a flush tells the link, on its
 * thread): {@link ResilientRoutingState} turns that into routing on local state. Counts not flushed when Redis goes
 * away are lost. Thread-safe.
 */
public final class RedisRoutingState implements RoutingState, AutoCloseable {

    /** How often this replica's tallies are sent to Redis. */
    public static final Duration FLUSH_EVERY = Duration.ofMillis(25);
    private static final LuaScript USAGE = LuaScript.load("usage.lua", ScriptOutputType.MULTI);
    private static final LuaScript REST = LuaScript.load("rest.lua", ScriptOutputType.INTEGER);

    private final RedisLink<String> link;
    private final String namespace;
    private final String restChannel;
    private final Function<String, Duration> leaseOf;
    private final InstantSource clock;
    private final String replica = UUID.randomUUID().toString();
    private final Map<String, DeploymentKeys> keys = new ConcurrentHashMap<>();
    private final RestView rests = new RestView();
    private final Tallies tallies;
    private final Leases leases;
    private final Future<?> flushing;

    /**
     * Flushes every {@link #FLUSH_EVERY}.
     *
     * @param link      the connection; {@link #loadScripts} readies each connection it opens
     * @param namespace the prefix of every key, e.g. {@code voxgate:}; replicas that share state share it
     * @param leaseOf   how long an attempt on a deployment may hold its slot: its timeout and a margin
     * @param clock     the router's clock, which a rest's expiry is reckoned by
     */
    public RedisRoutingState(RedisLink<String> link, String namespace, Function<String, Duration> leaseOf,
                             InstantSource clock) {
        this(link, namespace, leaseOf, clock, FLUSH_EVERY);
    }

    RedisRoutingState(RedisLink<String> link, String namespace, Function<String, Duration> leaseOf,
                      InstantSource clock, Duration flushEvery) {
        this.link = Objects.requireNonNull(link, "link");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.restChannel = namespace + "rests";
        this.leaseOf = Objects.requireNonNull(leaseOf, "leaseOf");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tallies = new Tallies(link, replica, this::keysOf, leaseOf, rests);
        this.leases = new Leases(link, replica, this::keysOf, leaseOf);
        link.subscribe(restChannel, rests::heard);
        this.flushing = link.every(flushEvery, this::flush);
    }

    @Override
    public Map<String, Instant> restingUntil(Collection<String> deploymentIds, Instant now) {
        Map<String, CompletionStage<String>> reads = new LinkedHashMap<>();
        RedisClusterAsyncCommands<String, String> commands = link.commands();
        deploymentIds.forEach(id -> reads.put(id, commands.get(keysOf(id).rest())));
        Map<String, Instant> resting = new HashMap<>();
        reads.forEach((id, read) -> learnRest(id, link.await(read), now, resting));
        return resting;
    }

    @Override
    public void rest(String deploymentId, Instant until) {
        rests.rest(deploymentId, until.toEpochMilli());
        link.await(REST.run(link.commands(), new String[] {keysOf(deploymentId).rest()},
                Long.toString(until.toEpochMilli()), Long.toString(clock.millis()), restChannel, deploymentId));
    }

    @Override
    public Map<String, DeploymentUsage> usage(Collection<String> deploymentIds, Instant now) {
        return snapshot(deploymentIds, now).usage();
    }

    /** The rests and the usage of every deployment in one round trip, with what is not flushed yet. */
    @Override
    public Snapshot snapshot(Collection<String> deploymentIds, Instant now) {
        Map<String, CompletionStage<List<Object>>> reads = new LinkedHashMap<>();
        String nowMillis = Long.toString(now.toEpochMilli());
        Map<String, Tally.Unsent> unsent = tallies.unsentWith(deploymentIds, now, () -> {
            RedisClusterAsyncCommands<String, String> commands = link.commands();
            deploymentIds.forEach(id -> reads.put(id, USAGE.run(commands, keysOf(id).look(now), nowMillis, replica)));
        });
        Map<String, DeploymentUsage> usage = HashMap.newHashMap(deploymentIds.size());
        Map<String, Instant> resting = new HashMap<>();
        reads.forEach((id, read) -> {
            List<Object> values = link.await(read);
            Tally.Unsent here = unsent.get(id);
            usage.put(id, here == null ? usage(values) : here.addTo(usage(values)));
            learnRest(id, values.get(5).toString(), now, resting);
        });
        return new Snapshot(resting, usage);
    }

    @Override
    public boolean tryStart(String deploymentId, Instant now, DeploymentLimits limits) {
        if (rests.rests(deploymentId, now)) {
            return false;
        }
        if (limits.unlimited()) {
            tallies.of(deploymentId).started(now);
            return true;
        }
        return leases.tryStart(deploymentId, now, limits);
    }

    /** Whether this replica started an attempt on {@code deploymentId} here that {@link #finish} would end. */
    boolean holdsAttempt(String deploymentId) {
        return leases.holds(deploymentId) || tallies.holdsAttempt(deploymentId);
    }

    /**
     * Ends one of this replica's attempts on the deployment, with what its tally holds, atomically, and waits for
     * the counts. Without an attempt held here (it started elsewhere) only the outcome is recorded.
     */
    @Override
    public MinuteCounts finish(String deploymentId, Instant now, AttemptOutcome outcome) {
        List<Object> answer = tallies.finish(deploymentId, now, outcome, leases.take(deploymentId));
        return new MinuteCounts(number(answer.get(0)), number(answer.get(1)), number(answer.get(2)));
    }

    /**
     * Ends the attempt without waiting for Redis: one on a lease is sent at once (later commands of this replica run
     * after it, in order), one started here waits in its tally for the next flush.
     */
    @Override
    public void end(String deploymentId, Instant now, AttemptOutcome outcome) {
        String lease = leases.take(deploymentId);
        if (lease == null) {
            tallies.of(deploymentId).ended(now, outcome);
        } else {
            leases.end(deploymentId, now, outcome, lease);
        }
    }

    /**
     * Sends every deployment's tally in one script call (one per slot of a Redis Cluster) and waits for the answer,
     * which also refreshes this replica's view of their rests. While Redis is away the tallies are dropped.
     */
    void flush() {
        tallies.flush(clock.instant());
    }

    /** Stops flushing, and flushes what this replica has not sent yet if Redis answers; the link stays open. */
    @Override
    public void close() {
        flushing.cancel(false);
        try {
            flush();
        } catch (SharedStateException | RedisException e) {
            // lost with Redis, as in an outage
        }
    }

    /**
     * Sends every script to the server once. Without it the first run of each would fall back to sending its body,
     * and an attempt ended without waiting ({@link #end}) could then land after this replica's next command.
     */
    public static void loadScripts(RedisLink<String> link) {
        for (LuaScript script : List.of(USAGE, REST)) {
            link.await(script.load(link.commands()));
        }
        link.await(Leases.load(link.commands()));
        link.await(Recording.load(link.commands()));
    }

    private void learnRest(String deploymentId, String until, Instant now, Map<String, Instant> resting) {
        if (until == null || until.isEmpty()) {
            return;
        }
        rests.rest(deploymentId, until);
        long end = Long.parseLong(until);
        if (resting != null && end > now.toEpochMilli()) {
            resting.put(deploymentId, Instant.ofEpochMilli(end));
        }
    }

    private DeploymentKeys keysOf(String deploymentId) {
        return keys.computeIfAbsent(deploymentId, id -> new DeploymentKeys(namespace, id));
    }

    @SuppressWarnings("unchecked")
    private static DeploymentUsage usage(List<Object> read) {
        List<LatencySample> samples = new ArrayList<>();
        for (Object entry : (List<Object>) read.get(4)) {
            String[] parts = entry.toString().split("\\|", -1);
            samples.add(new LatencySample(Instant.ofEpochMilli(Long.parseLong(parts[0])),
                    Duration.ofNanos(Long.parseLong(parts[1])),
                    parts[2].isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(parts[2]))));
        }
        return new DeploymentUsage(number(read.get(0)), number(read.get(1)), number(read.get(2)),
                Double.parseDouble(read.get(3).toString()), samples);
    }

    private static int number(Object value) {
        return Math.toIntExact((Long) value);
    }
}
