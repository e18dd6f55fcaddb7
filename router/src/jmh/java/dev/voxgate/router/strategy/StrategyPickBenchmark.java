package dev.voxgate.router.strategy;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.LatencySample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One strategy's pick among 100 deployments, each with a weight, in-flight and per-minute counts and ten recent
 * latencies: the strategy's own cost, without the routing state's reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StrategyPickBenchmark {

    static final int DEPLOYMENTS = 100;

    @Param({"simple-shuffle", "least-busy", "latency-based-routing", "usage-based-routing"})
    public String strategy;

    private RoutingStrategy picker;
    private Candidates candidates;

    @Setup
    public void setUp() {
        picker = BuiltInStrategy.named(strategy).orElseThrow().create(RoutingStrategyArgs.defaults());
        Instant now = Instant.parse("2025-01-01T12:00:30Z");
        SplittableRandom seeded = new SplittableRandom(42);
        List<Deployment> deployments = new ArrayList<>();
        Map<String, DeploymentUsage> usage = new HashMap<>();
        for (int i = 0; i < DEPLOYMENTS; i++) {
            String id = "deployment-" + i;
            deployments.add(Deployment.builder(id, "whisper", "openai", "whisper-1").weight(1.0 + i % 4).build());
            List<LatencySample> latencies = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                latencies.add(new LatencySample(now.minusSeconds(s), Duration.ofMillis(500 + seeded.nextInt(2_000)),
                        OptionalDouble.of(5 + seeded.nextInt(60))));
            }
            usage.put(id, new DeploymentUsage(seeded.nextInt(8), seeded.nextInt(100), 0, seeded.nextInt(3_000),
                    latencies));
        }
        // ThreadLocalRandom per draw, as the router's default source.
        RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        candidates = new Candidates("whisper", deployments, usage, now, random);
    }

    @Benchmark
    public Deployment pick() {
        return picker.pick(candidates);
    }
}
