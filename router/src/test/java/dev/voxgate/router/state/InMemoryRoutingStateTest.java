package dev.voxgate.router.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class InMemoryRoutingStateTest {

    private static final Instant NOON = Instant.parse("2025-01-01T12:00:00Z");

    private final RoutingState state = RoutingState.inMemory();

    @Test
    void aDeploymentRestsUntilTheGivenInstantAndNoLonger() {
        state.rest("a", NOON.plusSeconds(5));

        assertThat(state.restingUntil(List.of("a", "b"), NOON)).containsOnly(Map.entry("a", NOON.plusSeconds(5)));
        assertThat(state.restingUntil(List.of("a", "b"), NOON.plusSeconds(5))).isEmpty();
    }

    @Test
    void noAttemptStartsOnARestingDeploymentUntilTheRestEnds() {
        state.rest("a", NOON.plusSeconds(5));

        assertThat(state.tryStart("a", NOON.plusSeconds(4), DeploymentLimits.none())).isFalse();
        assertThat(state.usage(List.of("a"), NOON).get("a").requestsThisMinute()).as("nothing counted").isZero();
        assertThat(state.tryStart("a", NOON.plusSeconds(5), DeploymentLimits.none())).isTrue();
    }

    @Test
    void aShorterRestDoesNotCutALongerOneShort() {
        state.rest("a", NOON.plusSeconds(30));
        state.rest("a", NOON.plusSeconds(5));

        assertThat(state.restingUntil(List.of("a"), NOON.plusSeconds(10))).containsKey("a");
    }

    @Test
    void failuresAreCountedPerCalendarMinute() {
        assertThat(fail("a", FailureKind.TIMEOUT, NOON.plusSeconds(1)).failures()).isEqualTo(1);
        assertThat(fail("a", FailureKind.TIMEOUT, NOON.plusSeconds(59)).failures()).isEqualTo(2);
        assertThat(fail("b", FailureKind.TIMEOUT, NOON.plusSeconds(59)).failures()).isEqualTo(1);
        assertThat(fail("a", FailureKind.TIMEOUT, NOON.plusSeconds(60)).failures()).isEqualTo(1);
    }

    @Test
    void failuresAreAlsoCountedByKindAgainstTheMinutesRequests() {
        fail("a", FailureKind.TIMEOUT, NOON);
        state.tryStart("a", NOON, DeploymentLimits.none());

        assertThat(state.finish("a", NOON, new AttemptOutcome.Failed(FailureKind.RATE_LIMIT)))
                .isEqualTo(new MinuteCounts(2, 2, 1));
    }

    @Test
    void anAttemptIsStartedOnlyWithinTheLimitsAndFinishingFreesItsSlot() {
        DeploymentLimits oneAtATime = new DeploymentLimits(Optional.of(1), Optional.empty(), Optional.empty());

        assertThat(state.tryStart("a", NOON, oneAtATime)).isTrue();
        assertThat(state.tryStart("a", NOON, oneAtATime)).isFalse();
        assertThat(state.usage(List.of("a"), NOON).get("a").inFlight()).isEqualTo(1);
        state.finish("a", NOON, new AttemptOutcome.Abandoned());
        assertThat(state.tryStart("a", NOON, oneAtATime)).isTrue();
    }

    @Test
    void requestsAndAudioSecondsThisMinuteStopAtTheRpmAndTpmUntilTheNextMinute() {
        DeploymentLimits rpm = new DeploymentLimits(Optional.empty(), Optional.of(2), Optional.empty());
        DeploymentLimits tpm = new DeploymentLimits(Optional.empty(), Optional.empty(), Optional.of(60));
        state.tryStart("a", NOON, rpm);
        state.tryStart("a", NOON, rpm);
        state.tryStart("b", NOON, tpm);
        state.finish("b", NOON, new AttemptOutcome.Succeeded(Duration.ofSeconds(3), OptionalDouble.of(60)));

        assertThat(state.tryStart("a", NOON.plusSeconds(59), rpm)).isFalse();
        assertThat(state.tryStart("b", NOON.plusSeconds(59), tpm)).isFalse();
        assertThat(state.tryStart("a", NOON.plusSeconds(60), rpm)).isTrue();
        assertThat(state.tryStart("b", NOON.plusSeconds(60), tpm)).isTrue();
    }

    @Test
    void onlyTheLatestLatenciesAreKept() {
        for (int i = 1; i <= RoutingState.LATENCY_SAMPLES + 2; i++) {
            state.tryStart("a", NOON, DeploymentLimits.none());
            state.finish("a", NOON, new AttemptOutcome.Succeeded(Duration.ofSeconds(i), OptionalDouble.empty()));
        }

        assertThat(state.usage(List.of("a", "never-used"), NOON)).satisfies(usage -> {
            assertThat(usage.get("a").latencies()).hasSize(RoutingState.LATENCY_SAMPLES)
                    .first().extracting(LatencySample::latency).isEqualTo(Duration.ofSeconds(3));
            assertThat(usage.get("never-used")).isEqualTo(DeploymentUsage.idle());
        });
    }

    private MinuteCounts fail(String id, FailureKind kind, Instant now) {
        state.tryStart(id, now, DeploymentLimits.none());
        return state.finish(id, now, new AttemptOutcome.Failed(kind));
    }
}
