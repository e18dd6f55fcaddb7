package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.DeploymentUsage;
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
        DeploymentUsage least = candidates.deployments().stream().map(candidates::usageOf).min(LEAST_USED)
                .orElseThrow();
        List<Deployment> leastUsed = candidates.deployments().stream()
                .filter(deployment -> LEAST_USED.compare(candidates.usageOf(deployment), least) == 0).toList();
        return candidates.anyOf(leastUsed);
    }

    @Override
    public String toString() {
        return "usage-based-routing";
    }
}
