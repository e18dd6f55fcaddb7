package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * LiteLLM's default {@code simple-shuffle}: a weighted random pick by {@code weight} when any candidate sets one,
 * else by {@code rpm}, else by {@code tpm}, else uniform. A candidate without the chosen field counts as zero;
 * when every weight is zero the pick is uniform.
 *
 * <p>Stateless and thread-safe.
 */
public final class SimpleShuffleStrategy implements RoutingStrategy {

    private static final List<Function<Deployment, Optional<? extends Number>>> WEIGHTS =
            List.of(Deployment::weight, Deployment::rpm, Deployment::tpm);

    @Override
    public Deployment pick(Candidates candidates) {
        List<Deployment> deployments = candidates.deployments();
        for (Function<Deployment, Optional<? extends Number>> weight : WEIGHTS) {
            if (deployments.stream().anyMatch(deployment -> weight.apply(deployment).isPresent())) {
                return weighted(candidates, weight);
            }
        }
        return deployments.get(candidates.random().nextInt(deployments.size()));
    }

    private static Deployment weighted(Candidates candidates, Function<Deployment, Optional<? extends Number>> weight) {
        List<Deployment> deployments = candidates.deployments();
        double[] weights = deployments.stream()
                .mapToDouble(deployment -> weight.apply(deployment).map(Number::doubleValue).orElse(0.0))
                .toArray();
        double total = 0;
        for (double value : weights) {
            total += value;
        }
        if (total <= 0) {
            return deployments.get(candidates.random().nextInt(deployments.size()));
        }
        double point = candidates.random().nextDouble(total);
        for (int i = 0; i < weights.length; i++) {
            point -= weights[i];
            if (point < 0) {
                return deployments.get(i);
            }
        }
        // Rounding can leave a sliver past the last weight; it belongs to the last weighted candidate.
        return lastWeighted(deployments, weights);
    }

    private static Deployment lastWeighted(List<Deployment> deployments, double[] weights) {
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return deployments.get(i);
            }
        }
        return deployments.getLast();
    }

    /**
     * No: the pick reads weights alone, and a weighted pick among all that is kept only when available is as likely
     * as one among the available (a zero weight, or a field the others lack, is never picked while others weigh
     * more). The one exception: every {@code weight} given is zero and the available ones weigh by {@code rpm}.
     */
    @Override
    public boolean readsUsage() {
        return false;
    }

    @Override
    public String toString() {
        return "simple-shuffle";
    }
}
