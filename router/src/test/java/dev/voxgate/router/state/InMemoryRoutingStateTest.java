package dev.voxgate.router.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    void aShorterRestDoesNotCutALongerOneShort() {
        state.rest("a", NOON.plusSeconds(30));
        state.rest("a", NOON.plusSeconds(5));

        assertThat(state.restingUntil(List.of("a"), NOON.plusSeconds(10))).containsKey("a");
    }

    @Test
    void failuresAreCountedPerCalendarMinute() {
        assertThat(state.countFailure("a", NOON.plusSeconds(1))).isEqualTo(1);
        assertThat(state.countFailure("a", NOON.plusSeconds(59))).isEqualTo(2);
        assertThat(state.countFailure("b", NOON.plusSeconds(59))).isEqualTo(1);
        assertThat(state.countFailure("a", NOON.plusSeconds(60))).isEqualTo(1);
    }
}
