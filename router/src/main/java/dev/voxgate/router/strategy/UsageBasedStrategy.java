package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.DeploymentUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * LiteLLM's {@code usage-based-routing} (and {@code -v2}) for audio: the deployment that started the fewest attempts
 * this minute, then the one that transcribed the fewest audio seconds; equals share at random. Deployments at their
 * {@code rpm}, {@code tpm} or {@code max_parallel_requests} never get here: the router leaves them out for every
 * strategy.
 *
 * <p>Stateless and thread-safe; the counts come from the router's state.
 */
public final class UsageBasedStrategy implements RoutingStrategy {

    private static final Comparator<DeploymentUsage> LEAST_USED = Comparator
            .comparingInt(DeploymentUsage::requestsThisMinute)
            .thenComparingDouble(DeploymentUsage::audioSecondsThisMinute);

    @Override
    public Deployment pick(Candidates candidates) {
        DeploymentUsage least = null;
        List<Deployment> leastUsed = new ArrayList<>();
        for (Deployment deployment : candidates.deployments()) {
            DeploymentUsage usage = candidates.usageOf(deployment);
            int order = least == null ? -1 : LEAST_USED.compare(usage, least);
            if (order < 0) {
                least = usage;
                leastUsed.clear();
            }
            if (order <= 0) {
                leastUsed.add(deployment);
            }
        }
        return candidates.anyOf(leastUsed);
    }

    @Override
    public String toString() {
        return "usage-based-routing";
    }
}
