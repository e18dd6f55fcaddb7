package dev.voxgate.state.redis;

import dev.voxgate.router.state.AttemptOutcome;
import io.lettuce.core.RedisException;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * This replica's {@link Tally} of every deployment, and how they reach Redis: a flush sends them all in one
 * record.lua call (one per slot of a Redis Cluster); a finished attempt sends its deployment's with its outcome;
 * every answer tells the {@link RestView} the rests it read.
 *
 * <p>A reading takes what is unsent and sends its own commands under the read lock; a flush or a finish takes the
 * tallies out and sends them under the write lock. Commands of one slot run in the order sent, so a reading sees
 * each count exactly once: in Redis if it was taken out before, in the tally if after.
 *
 * <p>Thread-safe.
 */
final class Tallies {

    private final RedisLink<String> link;
    private final String replica;
    private final Function<String, DeploymentKeys> keysOf;
    private final Function<String, Duration> leaseOf;
    private final RestView rests;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final ReadWriteLock sending = new ReentrantReadWriteLock();

    Tallies(RedisLink<String> link, String replica, Function<String, DeploymentKeys> keysOf,
            Function<String, Duration> leaseOf, RestView rests) {
        this.link = link;
        this.replica = replica;
        this.keysOf = keysOf;
        this.leaseOf = leaseOf;
        this.rests = rests;
    }

    /** The tally of {@code deploymentId}, made on first use. */
    Tally of(String deploymentId) {
        return tallies.computeIfAbsent(deploymentId, id -> new Tally());
    }

    /** Whether this replica has an attempt on {@code deploymentId} in flight that started without a lease. */
    boolean holdsAttempt(String deploymentId) {
        Tally tally = tallies.get(deploymentId);
        return tally != null && tally.holdsAttempt();
    }

    /**
     * Runs {@code send}, a reading's commands, and takes what is unsent of {@code deploymentIds}, as one step as far as
     * flushes go; a deployment without a tally is absent.
     */
    Map<String, Tally.Unsent> unsentWith(Collection<String> deploymentIds, Instant now, Runnable send) {
        Map<String, Tally.Unsent> unsent = HashMap.newHashMap(deploymentIds.size());
        sending.readLock().lock();
        try {
            send.run();
            for (String id : deploymentIds) {
                Tally tally = tallies.get(id);
                if (tally != null) {
                    unsent.put(id, tally.unsent(now));
                }
            }
        } finally {
            sending.readLock().unlock();
        }
        return unsent;
    }

    /**
     * Records {@code outcome} with the deployment's tally, ending its attempt on {@code lease} (or, when
     * {@code null}, one started without), and waits for Redis's answer: that minute's requests, failures and failures
     * of the outcome's kind.
     */
    List<Object> finish(String deploymentId, Instant now, AttemptOutcome outcome, String lease) {
        Recording recording = new Recording(replica, now,
                outcome instanceof AttemptOutcome.Failed failed ? failed.kind() : null);
        CompletionStage<List<Object>> sent;
        sending.writeLock().lock();
        try {
            // Taken out before sending: a Redis that fails now loses these counts, never the attempt's end here.
            String first = lease;
            for (Tally.Delta delta : of(deploymentId).drainWith(now, outcome, lease == null)) {
                recording.add(deploymentId, keysOf.apply(deploymentId), delta, first, leaseOf.apply(deploymentId));
                first = null;
            }
            sent = recording.run(link.commands());
        } catch (SharedStateException | RedisException e) {
            recording.retell(this::of);
            throw e;
        } finally {
            sending.writeLock().unlock();
        }
        List<Object> answer = await(recording, sent);
        learnRests(recording, answer);
        return answer;
    }

    /**
     * Sends every tally and waits for the answers. While Redis is away, or when a send fails, the counts taken out
     * are lost; the in-flight counts are sent again with the next flush.
     */
    void flush(Instant now) {
        Map<Integer, Recording> recordings = new LinkedHashMap<>();
        List<CompletionStage<List<Object>>> sent = new ArrayList<>();
        sending.writeLock().lock();
        try {
            tallies.forEach((id, tally) -> {
                for (Tally.Delta delta : tally.drain()) {
                    DeploymentKeys keys = keysOf.apply(id);
                    // A script may touch one Cluster slot only; a standalone server takes every deployment at once.
                    int slot = link.cluster() ? SlotHash.getSlot(keys.rest()) : 0;
                    recordings.computeIfAbsent(slot, ignored -> new Recording(replica, now, null))
                            .add(id, keys, delta, null, leaseOf.apply(id));
                }
            });
            if (recordings.isEmpty()) {
                return;
            }
            RedisClusterAsyncCommands<String, String> commands = link.commands();
            recordings.values().forEach(recording -> sent.add(recording.run(commands)));
        } catch (SharedStateException | RedisException e) {
            recordings.values().forEach(recording -> recording.retell(this::of));
            return;
        } finally {
            sending.writeLock().unlock();
        }
        int i = 0;
        for (Recording recording : recordings.values()) {
            learnRests(recording, await(recording, sent.get(i++)));
        }
    }

    private List<Object> await(Recording recording, CompletionStage<List<Object>> sent) {
        try {
            return link.await(sent);
        } catch (SharedStateException e) {
            recording.retell(this::of);
            throw e;
        }
    }

    // record.lua answers three counts, then the rest of each deployment the recording names.
    private void learnRests(Recording recording, List<Object> answer) {
        List<String> ids = recording.deploymentIds();
        for (int i = 0; i < ids.size(); i++) {
            rests.rest(ids.get(i), answer.get(3 + i).toString());
        }
    }
}
