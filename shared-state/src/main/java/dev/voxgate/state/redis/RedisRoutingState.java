package dev.voxgate.state.redis;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.LatencySample;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.RoutingState;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@link RoutingState} in Redis, shared by every replica that names the same server and namespace: rests, this
 * minute's requests, failures (by kind) and audio seconds, in-flight attempts and latency samples. Each decision
 * that reads and writes is one Lua script, so it is atomic across replicas and costs one round trip; reads of
 * several deployments are sent together and cost one round trip in all.
 *
 * <p>Keys are {@code <namespace>{<deployment id>}:<what>}: the braces keep one deployment's keys in one Redis
 * Cluster slot, as its scripts need. Every key expires: a rest when it ends, a minute's counts two minutes on, the
 * in-flight set a lease after its newest attempt started, the samples an hour after the last success.
 *
 * <p>An attempt in flight is a lease, a member of the deployment's in-flight set that expires {@code leaseOf(id)}
 * after it started (the attempt's timeout and a margin), so the slots of a replica that died holding them come free
 * by themselves. This replica remembers the leases it holds, to end its own.
 *
 * <p>A command that fails or takes longer than the link's command timeout throws: {@link ResilientRoutingState} turns
 * that into routing on local state. Thread-safe.
 */
public final class RedisRoutingState implements RoutingState {

    private static final LuaScript TRY_START = LuaScript.load("try-start.lua", ScriptOutputType.INTEGER);
    private static final LuaScript FINISH = LuaScript.load("finish.lua", ScriptOutputType.MULTI);
    private static final LuaScript USAGE = LuaScript.load("usage.lua", ScriptOutputType.MULTI);
    private static final LuaScript REST = LuaScript.load("rest.lua", ScriptOutputType.INTEGER);
    // Arguments of every call, as the scripts read them.
    private static final String MINUTE_TTL_SECONDS = "120";
    private static final String SAMPLES_TTL_SECONDS = "3600";
    private static final String SAMPLES_KEPT = Integer.toString(LATENCY_SAMPLES);

    private final RedisLink<String> link;
    private final String namespace;
    private final Function<String, Duration> leaseOf;
    private final InstantSource clock;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicLong leaseNumbers = new AtomicLong();
    private final Map<String, Deque<String>> heldLeases = new ConcurrentHashMap<>();
    private final Map<String, DeploymentKeys> keys = new ConcurrentHashMap<>();

    /**
     * @param link      the connection; {@link #loadScripts} readies each connection it opens
     * @param namespace the prefix of every key, e.g. {@code voxgate:}; replicas that share state share it
     * @param leaseOf   how long an attempt on a deployment may hold its slot: its timeout and a margin
     * @param clock     the router's clock, which a rest's expiry is reckoned by
     */
    public RedisRoutingState(RedisLink<String> link, String namespace, Function<String, Duration> leaseOf,
                             InstantSource clock) {
        this.link = Objects.requireNonNull(link, "link");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.leaseOf = Objects.requireNonNull(leaseOf, "leaseOf");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, Instant> restingUntil(Collection<String> deploymentIds, Instant now) {
        Map<String, CompletionStage<String>> reads = new LinkedHashMap<>();
        RedisClusterAsyncCommands<String, String> commands = link.commands();
        deploymentIds.forEach(id -> reads.put(id, commands.get(keysOf(id).rest())));
        Map<String, Instant> resting = new HashMap<>();
        reads.forEach((id, read) -> {
            String until = link.await(read);
            if (until != null && Long.parseLong(until) > now.toEpochMilli()) {
                resting.put(id, Instant.ofEpochMilli(Long.parseLong(until)));
            }
        });
        return resting;
    }

    @Override
    public void rest(String deploymentId, Instant until) {
        link.await(REST.run(link.commands(), new String[] {keysOf(deploymentId).rest()},
                Long.toString(until.toEpochMilli()),
                Long.toString(clock.millis())));
    }

    @Override
    public Map<String, DeploymentUsage> usage(Collection<String> deploymentIds, Instant now) {
        return snapshot(deploymentIds, now).usage();
    }

    /** The rests and the usage of every deployment in one round trip: one script each, sent together. */
    @Override
    public Snapshot snapshot(Collection<String> deploymentIds, Instant now) {
        Map<String, CompletionStage<List<Object>>> reads = new LinkedHashMap<>();
        RedisClusterAsyncCommands<String, String> commands = link.commands();
        String nowMillis = Long.toString(now.toEpochMilli());
        deploymentIds.forEach(id -> reads.put(id, USAGE.run(commands, keysOf(id).look(now), nowMillis)));
        Map<String, DeploymentUsage> usage = HashMap.newHashMap(deploymentIds.size());
        Map<String, Instant> resting = new HashMap<>();
        reads.forEach((id, read) -> {
            List<Object> values = link.await(read);
            usage.put(id, usage(values));
            String until = values.get(5).toString();
            if (!until.isEmpty() && Long.parseLong(until) > now.toEpochMilli()) {
                resting.put(id, Instant.ofEpochMilli(Long.parseLong(until)));
            }
        });
        return new Snapshot(resting, usage);
    }

    @Override
    public boolean tryStart(String deploymentId, Instant now, DeploymentLimits limits) {
        String lease = replica + ":" + leaseNumbers.incrementAndGet();
        Duration leaseTime = leaseOf.apply(deploymentId);
        Long started = link.await(TRY_START.run(link.commands(), keysOf(deploymentId).start(now),
                Long.toString(now.toEpochMilli()),
                Long.toString(now.plus(leaseTime).toEpochMilli()), lease,
                limit(limits.maxParallelRequests().map(Integer::doubleValue)),
                limit(limits.rpm().map(Integer::doubleValue)), limit(limits.tpm().map(Integer::doubleValue)),
                Long.toString(leaseTime.toMillis()), MINUTE_TTL_SECONDS));
        if (started == null || started == 0) {
            return false;
        }
        heldLeases.computeIfAbsent(deploymentId, id -> new ConcurrentLinkedDeque<>()).addLast(lease);
        return true;
    }

    /** Whether this replica holds a lease of {@code deploymentId} here, which {@link #finish} would end. */
    boolean holdsLease(String deploymentId) {
        Deque<String> held = heldLeases.get(deploymentId);
        return held != null && !held.isEmpty();
    }

    /**
     * Ends one of this replica's attempts on the deployment. Without a lease held here (the attempt started
     * elsewhere) only the outcome is recorded.
     */
    @Override
    public MinuteCounts finish(String deploymentId, Instant now, AttemptOutcome outcome) {
        List<Object> counts = link.await(send(deploymentId, now, outcome, true));
        return new MinuteCounts(number(counts.get(0)), number(counts.get(1)), number(counts.get(2)));
    }

    /** Ends the attempt without waiting for Redis: later commands of this replica run after it, in order. */
    @Override
    public void end(String deploymentId, Instant now, AttemptOutcome outcome) {
        endLater(deploymentId, now, outcome);
    }

    /** As {@link #end}, with what Redis answered, to hear of a failure. */
    CompletionStage<?> endLater(String deploymentId, Instant now, AttemptOutcome outcome) {
        return send(deploymentId, now, outcome, false);
    }

    // counts: whether Redis should answer this minute's counts (finish), or nothing (an end nobody waits for)
    private CompletionStage<List<Object>> send(String deploymentId, Instant now, AttemptOutcome outcome,
                                               boolean counts) {
        String lease = takeLease(deploymentId);
        String code;
        String kind = "";
        String audio = "";
        String sample = "";
        switch (outcome) {
            case AttemptOutcome.Succeeded succeeded -> {
                code = "s";
                audio = succeeded.audioSeconds().isPresent()
                        ? Double.toString(succeeded.audioSeconds().getAsDouble()) : "";
                sample = now.toEpochMilli() + "|" + succeeded.latency().toNanos() + "|" + audio;
            }
            case AttemptOutcome.Failed failed -> {
                code = "f";
                kind = failed.kind().name();
            }
            case AttemptOutcome.Abandoned abandoned -> code = "a";
        }
        return FINISH.run(link.commands(), keysOf(deploymentId).finish(now), lease, code, kind, audio, sample,
                SAMPLES_KEPT, MINUTE_TTL_SECONDS, SAMPLES_TTL_SECONDS, counts ? "1" : "0");
    }

    /**
     * Sends every script to the server once. Without it the first run of each would fall back to sending its body,
     * and an attempt ended without waiting ({@link #end}) could then land after this replica's next command.
     */
    public static void loadScripts(RedisLink<String> link) {
        for (LuaScript script : List.of(TRY_START, FINISH, USAGE, REST)) {
            link.await(script.load(link.commands()));
        }
    }

    private String takeLease(String deploymentId) {
        Deque<String> held = heldLeases.get(deploymentId);
        String lease = held == null ? null : held.pollFirst();
        return lease == null ? "" : lease;
    }

    private DeploymentKeys keysOf(String deploymentId) {
        return keys.computeIfAbsent(deploymentId, id -> new DeploymentKeys(namespace, id));
    }

    private static String limit(Optional<Double> value) {
        return value.map(number -> Long.toString(number.longValue())).orElse("-1");
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
