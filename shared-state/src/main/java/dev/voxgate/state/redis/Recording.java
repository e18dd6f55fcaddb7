package dev.voxgate.state.redis;

import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.state.LatencySample;
import dev.voxgate.router.state.RoutingState;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One run of record.lua, which writes the {@linkplain Tally.Delta deltas} of one or more deployments (of one Redis
 * Cluster slot, when clustered) atomically: a flush's batch, or the end of one attempt.
 *
 * <p>Not thread-safe: filled by one thread, then run.
 */
final class Recording {

    private static final LuaScript RECORD = LuaScript.load("record.lua", ScriptOutputType.MULTI);
    private static final String MINUTE_TTL_SECONDS = "120";
    private static final String SAMPLES_TTL_SECONDS = "3600";
    private static final String SAMPLES_KEPT = Integer.toString(RoutingState.LATENCY_SAMPLES);

    private final List<String> keys = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final List<String> deploymentIds = new ArrayList<>();
    private final List<String> toldInFlight = new ArrayList<>();

    /**
     * @param replica   this replica, whose in-flight counts the deltas give
     * @param askedKind the failure kind whose count the answer gives for the first delta, if any
     */
    Recording(String replica, Instant now, FailureKind askedKind) {
        args.addAll(List.of(replica, Long.toString(now.toEpochMilli()), MINUTE_TTL_SECONDS, SAMPLES_KEPT,
                SAMPLES_TTL_SECONDS, askedKind == null ? "" : askedKind.name()));
    }

    /**
     * Adds one deployment's delta.
     *
     * @param lease     the lease the attempt ends, or {@code null}
     * @param leaseTime how long this replica's in-flight count there lasts unless told again
     */
    Recording add(String deploymentId, DeploymentKeys of, Tally.Delta delta, String lease, Duration leaseTime) {
        deploymentIds.add(deploymentId);
        if (delta.inFlight().isPresent()) {
            toldInFlight.add(deploymentId);
        }
        keys.addAll(List.of(of.record(delta.minute())));
        args.add(lease == null ? "" : lease);
        args.add(Integer.toString(delta.requests()));
        args.add(delta.audioSeconds() == 0 ? "" : Double.toString(delta.audioSeconds()));
        args.add(delta.inFlight().isPresent() ? Integer.toString(delta.inFlight().getAsInt()) : "");
        args.add(Long.toString(leaseTime.toMillis()));
        args.add(Integer.toString(delta.failures().size()));
        for (Map.Entry<FailureKind, Integer> failed : delta.failures().entrySet()) {
            args.add(failed.getKey().name());
            args.add(failed.getValue().toString());
        }
        args.add(Integer.toString(delta.samples().size()));
        delta.samples().forEach(sample -> args.add(sample(sample)));
        return this;
    }

    /** The deployments added, in order: the answer's rests follow it. */
    List<String> deploymentIds() {
        return deploymentIds;
    }

    /** After this recording failed: the tallies whose in-flight count it carried are to send it again. */
    void retell(Function<String, Tally> tallies) {
        toldInFlight.forEach(id -> tallies.apply(id).retell());
    }

    /**
     * Sends it. The answer: the first deployment's requests, failures and failures of the asked kind in its minute,
     * then each deployment's rest end in ms ({@code ""} when none), in the order they were added.
     */
    CompletionStage<List<Object>> run(RedisClusterAsyncCommands<String, String> redis) {
        return RECORD.run(redis, keys.toArray(String[]::new), args.toArray(String[]::new));
    }

    /** Sends the script to the server once, as {@link RedisRoutingState#loadScripts} does for every script. */
    static CompletionStage<String> load(RedisClusterAsyncCommands<String, String> redis) {
        return RECORD.load(redis);
    }

    private static String sample(LatencySample sample) {
        return sample.at().toEpochMilli() + "|" + sample.latency().toNanos() + "|"
                + (sample.audioSeconds().isPresent() ? Double.toString(sample.audioSeconds().getAsDouble()) : "");
    }
}
