package dev.voxgate.router.state;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RoutingState} in this process's memory: right for one router, or one proxy instance. Entries are keyed
 * by deployment id, so the maps stay as small as the set of deployments ever called.
 *
 * <p>Thread-safe without a global lock: each deployment's entry is updated atomically on its own.
 */
public final class InMemoryRoutingState implements RoutingState {

    private final Map<String, Instant> rests = new ConcurrentHashMap<>();
    private final Map<String, MinuteCount> failures = new ConcurrentHashMap<>();

    @Override
    public Map<String, Instant> restingUntil(Collection<String> deploymentIds, Instant now) {
        Map<String, Instant> resting = new HashMap<>();
        for (String id : deploymentIds) {
            Instant until = rests.get(id);
            if (until == null) {
                continue;
            }
            if (until.isAfter(now)) {
                resting.put(id, until);
            } else {
                // Only this exact expired entry goes; a rest recorded meanwhile by another call stays.
                rests.remove(id, until);
            }
        }
        return resting;
    }

    @Override
    public void rest(String deploymentId, Instant until) {
        rests.merge(deploymentId, until, (current, proposed) -> current.isAfter(proposed) ? current : proposed);
    }

    @Override
    public int countFailure(String deploymentId, Instant now) {
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        return failures.merge(deploymentId, new MinuteCount(minute, 1), MinuteCount::add).count();
    }

    /** Failures counted in one calendar minute; a count from an older minute is replaced, not added to. */
    private record MinuteCount(long minute, int count) {
        MinuteCount add(MinuteCount next) {
            return next.minute == minute ? new MinuteCount(minute, count + next.count) : next;
        }
    }
}
