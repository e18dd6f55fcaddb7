package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;
import java.util.ArrayList;
import java.util.List;

/**
 * LiteLLM's {@code least-busy}: the deployment with the fewest attempts in flight; equals share at random.
 *
 * <p>Stateless and thread-safe; the in-flight counts come from the router's state.
 */
public final class LeastBusyStrategy implements RoutingStrategy {

    @Override
    public Deployment pick(Candidates candidates) {
        int fewest = Integer.MAX_VALUE;
        List<Deployment> idlest = new ArrayList<>();
        for (Deployment deployment : candidates.deployments()) {
            int inFlight = candidates.usageOf(deployment).inFlight();
            if (inFlight < fewest) {
                fewest = inFlight;
                idlest.clear();
            }
            if (inFlight == fewest) {
                idlest.add(deployment);
            }
        }
        return candidates.anyOf(idlest);
    }

    @Override
    public String toString() {
        return "least-busy";
    }
}
