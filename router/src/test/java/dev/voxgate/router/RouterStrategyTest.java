package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.Fixture.text;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.router.strategy.BuiltInStrategy;
import dev.voxgate.router.strategy.RoutingStrategyArgs;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Each strategy as the router runs it: the settings name it, the routing state feeds it. */
class RouterStrategyTest {

    private final Fixture fixture = new Fixture();

    @Test
    void weightsOfOneToThreeGiveAboutAQuarterAndThreeQuartersOverFourThousandPicks() {
        Router router = fixture.routerWithSettingsStrategy()
                .deployment(fixture.deployment("light", "whisper", port().answers("light").repeats()).toBuilder()
                        .weight(1.0).build())
                .deployment(fixture.deployment("heavy", "whisper", port().answers("heavy").repeats()).toBuilder()
                        .weight(3.0).build())
                .build();

        Map<String, Long> picks = IntStream.range(0, 4_000)
                .mapToObj(i -> text(router, "whisper"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        // 2.5 points is about 3.6 standard deviations of a 25 % share over 4,000 draws.
        Offset<Double> tolerance = Offset.offset(0.025);
        assertThat(picks.get("light") / 4_000.0).isCloseTo(0.25, tolerance);
        assertThat(picks.get("heavy") / 4_000.0).isCloseTo(0.75, tolerance);
    }

    @Test
    void leastBusySendsTheCallToTheDeploymentWithFewerCallsInFlight() {
        RoutingState state = RoutingState.inMemory();
        state.tryStart("a", fixture.clock.instant(), DeploymentLimits.none());
        Router router = fixture.routerWithSettingsStrategy()
                .deployment(fixture.deployment("a", "whisper", port().answers("from a")))
                .deployment(fixture.deployment("b", "whisper", port().answers("from b").repeats()))
                .settings(RouterSettings.builder().routingStrategy(BuiltInStrategy.LEAST_BUSY).build())
                .state(state)
                .build();

        for (int i = 0; i < 20; i++) {
            assertThat(text(router, "whisper")).isEqualTo("from b");
        }
    }

    @Test
    void usageBasedSpreadsTheMinutesRequestsEvenly() {
        ScriptedPort first = port().answers("a").repeats();
        ScriptedPort second = port().answers("b").repeats();
        Router router = fixture.routerWithSettingsStrategy()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .settings(RouterSettings.builder().routingStrategy(BuiltInStrategy.USAGE_BASED).build())
                .build();

        for (int i = 0; i < 10; i++) {
            router.transcribe(request("whisper"));
            assertThat(Math.abs(first.calls() - second.calls())).isLessThanOrEqualTo(1);
        }
        assertThat(first.calls()).isEqualTo(5);
    }

    @Test
    void latencyBasedLearnsFromAnsweredCallsAndPrefersTheFasterDeployment() {
        ScriptedPort slow = port().answersAfter(Duration.ofSeconds(6), fixture.clock, "slow");
        ScriptedPort fast = port().answersAfter(Duration.ofSeconds(2), fixture.clock, "fast").repeats();
        Router router = fixture.routerWithSettingsStrategy()
                .deployment(fixture.deployment("slow", "whisper", slow))
                .deployment(fixture.deployment("fast", "whisper", fast))
                .settings(RouterSettings.builder().routingStrategy(BuiltInStrategy.LATENCY_BASED)
                        .routingStrategyArgs(new RoutingStrategyArgs(0, Duration.ofMinutes(5))).build())
                .build();

        // Until both were measured, the unmeasured one counts as fastest; after that, only the faster one serves.
        router.transcribe(request("whisper"));
        router.transcribe(request("whisper"));
        assertThat(slow.calls()).isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            assertThat(text(router, "whisper")).isEqualTo("fast");
        }
    }

    @Test
    void aStrategyGivenToTheBuilderWinsOverTheSettings() {
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("from a").repeats()))
                .deployment(fixture.deployment("b", "whisper", port().answers("from b")))
                .settings(RouterSettings.builder().routingStrategy(BuiltInStrategy.USAGE_BASED).build())
                .build();

        assertThat(text(router, "whisper")).isEqualTo("from a");
        assertThat(text(router, "whisper")).isEqualTo("from a");
    }
}
