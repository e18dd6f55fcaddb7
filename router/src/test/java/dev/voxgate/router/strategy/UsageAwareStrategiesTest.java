package dev.voxgate.router.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.LatencySample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** least-busy, latency-based-routing and usage-based-routing, on usage snapshots a test writes. */
class UsageAwareStrategiesTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final List<Deployment> ABC = List.of(deployment("a"), deployment("b"), deployment("c"));

    private final Random random = new Random(11);

    @Test
    void leastBusyPicksTheDeploymentWithFewestCallsInFlight() {
        Map<String, DeploymentUsage> usage = Map.of("a", inFlight(3), "b", inFlight(1), "c", inFlight(2));

        assertThat(picks(new LeastBusyStrategy(), usage)).containsExactly("b");
    }

    @Test
    void leastBusySharesBetweenEquallyIdleDeployments() {
        Map<String, DeploymentUsage> usage = Map.of("a", inFlight(2), "b", inFlight(0), "c", inFlight(0));

        assertThat(picks(new LeastBusyStrategy(), usage)).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void usageBasedPicksTheDeploymentWithFewestRequestsThisMinuteThenFewestAudioSeconds() {
        Map<String, DeploymentUsage> usage = Map.of("a", requests(4, 10), "b", requests(2, 300), "c", requests(2, 30));

        assertThat(picks(new UsageBasedStrategy(), usage)).containsExactly("c");
    }

    @Test
    void latencyBasedPicksTheLowestLatencyPerSecondOfAudio() {
        // a is slower in raw time but transcribes more audio per second of waiting.
        Map<String, DeploymentUsage> usage = Map.of(
                "a", latencies(sample(20, 100)), "b", latencies(sample(4, 10)), "c", latencies(sample(9, 10)));

        assertThat(picks(latency(0, Duration.ofHours(1)), usage)).containsExactly("a");
    }

    @Test
    void latencyBufferLetsNearTiesShareTheLoad() {
        Map<String, DeploymentUsage> usage = Map.of(
                "a", latencies(sample(2, 10)), "b", latencies(sample(2.8, 10)), "c", latencies(sample(4, 10)));

        assertThat(picks(latency(0.5, Duration.ofHours(1)), usage)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void latenciesOlderThanTheTtlNoLongerCountSoTheDeploymentIsMeasuredAgain() {
        LatencySample old = new LatencySample(NOW.minusSeconds(120), Duration.ofSeconds(50), OptionalDouble.of(10));
        Map<String, DeploymentUsage> usage = Map.of(
                "a", latencies(old), "b", latencies(sample(2, 10)), "c", latencies(sample(3, 10)));

        assertThat(picks(latency(0, Duration.ofSeconds(60)), usage)).containsExactly("a");
        assertThat(picks(latency(0, Duration.ofSeconds(600)), usage)).containsExactly("b");
    }

    @Test
    void latencyWithoutAnAudioLengthIsCountedInRawSeconds() {
        assertThat(new LatencySample(NOW, Duration.ofMillis(1500), OptionalDouble.empty()).secondsPerAudioSecond())
                .isEqualTo(1.5);
        assertThat(sample(3, 12).secondsPerAudioSecond()).isEqualTo(0.25);
    }

    @Test
    void everyBuiltInStrategyHasItsLiteLlmNames() {
        assertThat(BuiltInStrategy.names()).containsExactly("simple-shuffle", "least-busy", "latency-based-routing",
                "usage-based-routing", "usage-based-routing-v2");
        assertThat(BuiltInStrategy.named("usage-based-routing-v2")).contains(BuiltInStrategy.USAGE_BASED);
        assertThat(BuiltInStrategy.named("cost-based-routing")).isEmpty();
        assertThat(BuiltInStrategy.LATENCY_BASED.create(RoutingStrategyArgs.defaults()))
                .isInstanceOf(LatencyBasedStrategy.class);
    }

    private Set<String> picks(RoutingStrategy strategy, Map<String, DeploymentUsage> usage) {
        Candidates candidates = new Candidates("whisper", ABC, usage, NOW, random);
        return IntStream.range(0, 200).mapToObj(i -> strategy.pick(candidates).id()).collect(Collectors.toSet());
    }

    private static LatencyBasedStrategy latency(double buffer, Duration ttl) {
        return new LatencyBasedStrategy(new RoutingStrategyArgs(buffer, ttl));
    }

    private static LatencySample sample(double latencySeconds, double audioSeconds) {
        return new LatencySample(NOW.minusSeconds(5), Duration.ofMillis((long) (latencySeconds * 1000)),
                OptionalDouble.of(audioSeconds));
    }

    private static DeploymentUsage inFlight(int calls) {
        return new DeploymentUsage(calls, 0, 0, 0, List.of());
    }

    private static DeploymentUsage requests(int requests, double audioSeconds) {
        return new DeploymentUsage(0, requests, 0, audioSeconds, List.of());
    }

    private static DeploymentUsage latencies(LatencySample... samples) {
        return new DeploymentUsage(0, 0, 0, 0, List.of(samples));
    }

    private static Deployment deployment(String id) {
        return Deployment.builder(id, "whisper", "openai", "whisper-1").build();
    }
}
