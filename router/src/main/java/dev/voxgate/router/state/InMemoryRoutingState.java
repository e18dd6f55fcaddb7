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
    private final Map<String, DeploymentEntry> entries = new ConcurrentHashMap<>();

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
    public Map<String, DeploymentUsage> usage(Collection<String> deploymentIds, Instant now) {
        Map<String, DeploymentUsage> usage = HashMap.newHashMap(deploymentIds.size());
        for (String id : deploymentIds) {
            DeploymentEntry entry = entries.get(id);
            usage.put(id, entry == null ? DeploymentUsage.idle() : entry.usage(now));
        }
        return usage;
    }

    @Override
    public boolean tryStart(String deploymentId, Instant now, DeploymentLimits limits) {
        Instant until = rests.get(deploymentId);
        if (until != null && until.isAfter(now)) {
            return false;
        }
        return entry(deploymentId).tryStart(now, limits);
    }

    @Override
    public MinuteCounts finish(String deploymentId, Instant now, AttemptOutcome outcome) {
        return entry(deploymentId).finish(now, outcome);
    }

    private DeploymentEntry entry(String deploymentId) {
        return entries.computeIfAbsent(deploymentId, id -> new DeploymentEntry());
    }
}
