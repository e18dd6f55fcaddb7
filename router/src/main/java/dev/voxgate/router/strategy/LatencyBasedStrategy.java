package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.LatencySample;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * LiteLLM's {@code latency-based-routing}, per second of audio: each deployment's mean latency per audio second
 * over its recent successes (at most {@link dev.voxgate.router.state.RoutingState#LATENCY_SAMPLES}, none older than
 * {@code ttl}) ranks it; the pick is random among those within {@code lowestLatencyBuffer} of the lowest (0.5: up to
 * 50 % slower), so near-ties share the load. A deployment without a recent sample counts as the fastest, so a new or
 * recovered one gets measured.
 *
 * <p>Immutable and thread-safe; the latencies come from the router's state.
 */
public final class LatencyBasedStrategy implements RoutingStrategy {

    private final RoutingStrategyArgs args;

    public LatencyBasedStrategy(RoutingStrategyArgs args) {
        this.args = Objects.requireNonNull(args, "args");
    }

    @Override
    public Deployment pick(Candidates candidates) {
        List<Deployment> deployments = candidates.deployments();
        double[] latency = new double[deployments.size()];
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i < latency.length; i++) {
            latency[i] = meanLatency(candidates.usageOf(deployments.get(i)).latencies(), candidates.now());
            lowest = Math.min(lowest, latency[i]);
        }
        double ceiling = lowest * (1 + args.lowestLatencyBuffer());
        int[] near = new int[latency.length];
        int count = 0;
        for (int i = 0; i < latency.length; i++) {
            if (latency[i] <= ceiling) {
                near[count++] = i;
            }
        }
        return deployments.get(near[candidates.random().nextInt(count)]);
    }

    private double meanLatency(List<LatencySample> samples, Instant now) {
        Instant oldest = now.minus(args.ttl());
        double sum = 0;
        int count = 0;
        for (LatencySample sample : samples) {
            if (!sample.at().isBefore(oldest)) {
                sum += sample.secondsPerAudioSecond();
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    @Override
    public String toString() {
        return "latency-based-routing";
    }
}
