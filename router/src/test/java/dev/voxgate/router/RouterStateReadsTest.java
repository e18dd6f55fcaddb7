package dev.voxgate.router;

import static dev.voxgate.router.Fixture.text;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.router.strategy.BuiltInStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** How often a pick reads the routing state: each read is a round trip to a shared one. */
class RouterStateReadsTest {

    private final Fixture fixture = new Fixture();
    private final CountingState state = new CountingState();

    @Test
    void aGroupOfOneDeploymentStartsItsAttemptWithoutReadingTheState() {
        Router router = fixture.router().state(state)
                .deployment(fixture.deployment("a", "whisper", port().answers("from a").repeats()))
                .build();

        assertThat(text(router, "whisper")).isEqualTo("from a");
        assertThat(text(router, "whisper")).isEqualTo("from a");

        assertThat(state.snapshots).hasValue(0);
        assertThat(state.starts).hasValue(2);
    }

    @Test
    void simpleShuffleStartsItsPickWithoutReadingTheStateWhileThePickIsAvailable() {
        Router router = weighted(fixture.routerWithSettingsStrategy().state(state)).build();

        IntStream.range(0, 10).forEach(i -> text(router, "whisper"));

        assertThat(state.snapshots).hasValue(0);
        assertThat(state.starts).hasValue(10);
    }

    @Test
    void aStrategyThatReadsUsageReadsTheStateBeforeEveryPick() {
        Router router = fixture.routerWithSettingsStrategy().state(state)
                .settings(RouterSettings.builder().routingStrategy(BuiltInStrategy.LEAST_BUSY).build())
                .deployment(fixture.deployment("a", "whisper", port().answers("from a").repeats()))
                .deployment(fixture.deployment("b", "whisper", port().answers("from b").repeats()))
                .build();

        IntStream.range(0, 10).forEach(i -> text(router, "whisper"));

        assertThat(state.snapshots).hasValue(10);
    }

    @Test
    void weightedPicksKeepTheirSharesAmongTheAvailableWhenAPickedDeploymentRests() {
        state.rest("resting", fixture.clock.instant().plus(Duration.ofHours(1)));
        Router router = weighted(fixture.routerWithSettingsStrategy().state(state))
                .deployment(fixture.deployment("resting", "whisper", port().answers("resting").repeats()).toBuilder()
                        .weight(4.0).build())
                .build();

        Map<String, Long> picks = IntStream.range(0, 4_000)
                .mapToObj(i -> text(router, "whisper"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        // A refused pick is made again after reading: light keeps 1/4 of the answers and heavy 3/4, as if the
        // resting deployment were not there; about half the calls read the state.
        assertThat(picks).doesNotContainKey("resting");
        Offset<Double> tolerance = Offset.offset(0.025);
        assertThat(picks.get("light") / 4_000.0).isCloseTo(0.25, tolerance);
        assertThat(picks.get("heavy") / 4_000.0).isCloseTo(0.75, tolerance);
        assertThat(state.snapshots.get() / 4_000.0).isCloseTo(0.5, tolerance);
    }

    private Router.Builder weighted(Router.Builder router) {
        return router
                .deployment(fixture.deployment("light", "whisper", port().answers("light").repeats()).toBuilder()
                        .weight(1.0).build())
                .deployment(fixture.deployment("heavy", "whisper", port().answers("heavy").repeats()).toBuilder()
                        .weight(3.0).build());
    }

    /** The in-memory state, counting the snapshots read and the starts tried. */
    private static final class CountingState implements RoutingState {
        private final RoutingState memory = RoutingState.inMemory();
        final AtomicInteger snapshots = new AtomicInteger();
        final AtomicInteger starts = new AtomicInteger();

        @Override
        public Map<String, Instant> restingUntil(Collection<String> deploymentIds, Instant now) {
            return memory.restingUntil(deploymentIds, now);
        }

        @Override
        public void rest(String deploymentId, Instant until) {
            memory.rest(deploymentId, until);
        }

        @Override
        public Map<String, DeploymentUsage> usage(Collection<String> deploymentIds, Instant now) {
            return memory.usage(deploymentIds, now);
        }

        @Override
        public Snapshot snapshot(Collection<String> deploymentIds, Instant now) {
            snapshots.incrementAndGet();
            return memory.snapshot(deploymentIds, now);
        }

        @Override
        public boolean tryStart(String deploymentId, Instant now, DeploymentLimits limits) {
            starts.incrementAndGet();
            return memory.tryStart(deploymentId, now, limits);
        }

        @Override
        public MinuteCounts finish(String deploymentId, Instant now, AttemptOutcome outcome) {
            return memory.finish(deploymentId, now, outcome);
        }
    }
}
