package dev.voxgate.state.redis;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's view of which deployments rest, so that an attempt on a deployment without limits starts without
 * asking Redis. It learns of a rest at once when this replica makes one, within milliseconds from the message
 * rest.lua publishes when another replica does, and from every reading of Redis that includes rests (a flush's
 * answer, a snapshot), which heals a message missed while the subscription was down. A rest only ever grows: a
 * later end wins, as in Redis.
 *
 * <p>Thread-safe without a lock.
 */
final class RestView {

    private final Map<String, Long> untilMillis = new ConcurrentHashMap<>();

    /** Whether {@code deploymentId} rests at {@code now} as far as this replica knows. */
    boolean rests(String deploymentId, Instant now) {
        Long until = untilMillis.get(deploymentId);
        if (until == null) {
            return false;
        }
        if (until > now.toEpochMilli()) {
            return true;
        }
        // Only this exact expired entry goes; a rest learnt meanwhile stays.
        untilMillis.remove(deploymentId, until);
        return false;
    }

    /** Learns that {@code deploymentId} rests until {@code until} (ms since the epoch) unless it knows a later end. */
    void rest(String deploymentId, long until) {
        untilMillis.merge(deploymentId, until, Math::max);
    }

    /** Learns a rest as Redis holds it: the end in ms as text, or blank when none. */
    void rest(String deploymentId, String until) {
        if (until != null && !until.isEmpty()) {
            rest(deploymentId, Long.parseLong(until));
        }
    }

    /** Learns a rest from rest.lua's message, {@code <until ms>|<deployment id>}; anything else is ignored. */
    void heard(String message) {
        int bar = message.indexOf('|');
        if (bar > 0) {
            try {
                rest(message.substring(bar + 1), Long.parseLong(message.substring(0, bar)));
            } catch (NumberFormatException notOurs) {
                // another writer on the channel: nothing to learn
            }
        }
    }
}
