package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;

/**
 * Chooses the deployment that serves one attempt. The router calls it once per attempt with the deployments of
 * the group that are available: not cooling down, not at a limit ({@code rpm}, {@code tpm},
 * {@code max_parallel_requests}), of the best {@code order} tier left, and, on a retry, preferably not yet tried in
 * the call. So a strategy only ranks; what each deployment is doing comes with the {@link Candidates}.
 *
 * <p>Implement it to route by your own rule, and pass it to {@code Router.Builder.strategy}. Implementations are
 * thread-safe: one instance serves every concurrent call of a router.
 */
@FunctionalInterface
public interface RoutingStrategy {

    /**
     * One of {@code candidates.deployments()}.
     *
     * @param candidates the group, its available deployments (never empty), their usage and the random source
     */
    Deployment pick(Candidates candidates);

    /**
     * Whether {@link #pick} reads what the deployments are doing ({@link Candidates#usage()}). A strategy that says
     * no promises that its pick among all the deployments of a tier, kept only when the pick is available, gives each
     * available deployment the chance its pick among the available ones alone would (as a weighted random pick does);
     * the router then picks before reading the routing state and checks availability as it starts the attempt, one
     * round trip to a shared state instead of two. Yes unless overridden.
     */
    default boolean readsUsage() {
        return true;
    }
}
