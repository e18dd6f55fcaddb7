package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;

/**
 * Chooses the deployment that serves one attempt. The router calls it once per attempt with the deployments of
 * the group that are not cooling down (and, on a retry, preferably those not yet tried in the call), so a strategy
 * only ranks; it never sees a resting deployment.
 *
 * <p>Implement it to route by your own rule. Implementations are thread-safe: one instance serves every
 * concurrent call of a router.
 */
@FunctionalInterface
public interface RoutingStrategy {

    /**
     * One of {@code candidates.deployments()}.
     *
     * @param candidates the group, its eligible deployments (never empty) and the router's random source
     */
    Deployment pick(Candidates candidates);
}
