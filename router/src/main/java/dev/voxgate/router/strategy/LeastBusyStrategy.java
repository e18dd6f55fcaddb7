package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;
import java.util.List;

/**
 * LiteLLM's {@code least-busy}: the deployment with the fewest attempts in flight; equals share at random.
 *
 * <p>Stateless and thread-safe; the in-flight counts come from the router's state.
 */
public final class LeastBusyStrategy implements RoutingStrategy {

    @Override
    public Deployment pick(Candidates candidates) {
        int fewest = candidates.deployments().stream()
                .mapToInt(deployment -> candidates.usageOf(deployment).inFlight()).min().orElseThrow();
        List<Deployment> idlest = candidates.deployments().stream()
                .filter(deployment -> candidates.usageOf(deployment).inFlight() == fewest).toList();
        return candidates.anyOf(idlest);
    }

    @Override
    public String toString() {
        return "least-busy";
    }
}
