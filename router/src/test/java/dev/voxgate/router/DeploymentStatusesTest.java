package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentStatusesTest {

    private final Fixture fixture = new Fixture();
    private final RoutingState state = RoutingState.inMemory();
    private final DeploymentStatuses statuses = new DeploymentStatuses(state, fixture.clock);

    @Test
    void aFailedDeploymentShowsItsRestAndLastFailureAndTheOtherServes() {
        Router router = fixture.router().state(state).listener(statuses)
                .deployment(fixture.deployment("a", "whisper", port().fails(new RateLimited("429", Optional.empty()))))
                .deployment(fixture.deployment("b", "whisper", port().answersAudio("from b", 2)))
                .build();
        Instant failedAt = fixture.clock.instant();

        router.transcribe(request("whisper"));
        List<DeploymentStatus> now = statuses.of(router.modelGroups());

        assertThat(now).extracting(status -> status.deployment().id()).containsExactly("a", "b");
        DeploymentStatus a = now.getFirst();
        assertThat(a.group()).isEqualTo("whisper");
        assertThat(a.restingUntil()).contains(failedAt.plus(Duration.ofSeconds(5)));
        assertThat(a.lastFailure()).contains(FailureKind.RATE_LIMIT);
        assertThat(a.lastFailureAt()).contains(failedAt);
        DeploymentStatus b = now.getLast();
        assertThat(b.resting()).isFalse();
        assertThat(b.lastFailure()).isEmpty();
        assertThat(b.recentLatencies()).hasSize(1);
        assertThat(b.requestsThisMinute()).isEqualTo(1);

        fixture.clock.advance(Duration.ofSeconds(5));
        assertThat(statuses.of(router.modelGroups()).getFirst().resting()).isFalse();
    }

    @Test
    void attemptsInFlightAreCounted() {
        Router router = fixture.router().state(state).listener(statuses)
                .deployment(fixture.deployment("a", "whisper", port().answers("x"))).build();

        state.tryStart("a", fixture.clock.instant(), DeploymentLimits.none());

        assertThat(statuses.of(router.modelGroups()).getFirst().inFlight()).isEqualTo(1);
    }

    @Test
    void aDeploymentThatUsedItsRpmIsAtItsLimitAndItsFailuresThisMinuteAreCounted() {
        Router router = fixture.router().state(state).listener(statuses)
                .deployment(fixture.deployment("b", "whisper", port().fails(new RateLimited("429", Optional.empty()))))
                .deployment(fixture.deployment("a", "whisper", port().answers("x")).toBuilder().rpm(1).build())
                .build();

        router.transcribe(request("whisper"));
        List<DeploymentStatus> now = statuses.of(router.modelGroups());

        assertThat(now.getLast().atLimit()).contains("has used its rpm of 1");
        assertThat(now.getFirst().atLimit()).as("a resting deployment is resting, not at a limit").isEmpty();
        assertThat(now.getFirst().failuresThisMinute()).isEqualTo(1);
        assertThat(now.getLast().failuresThisMinute()).isZero();
    }

    @Test
    void theRoutersDefaultMaxParallelRequestsIsALimitToo() {
        DeploymentStatuses withDefault = new DeploymentStatuses(state, fixture.clock,
                RouterSettings.builder().defaultMaxParallelRequests(1).build());
        Router router = fixture.router().state(state)
                .deployment(fixture.deployment("a", "whisper", port().answers("x"))).build();

        state.tryStart("a", fixture.clock.instant(), DeploymentLimits.none());

        assertThat(withDefault.of(router.modelGroups()).getFirst().atLimit())
                .contains("has 1 calls in flight, its max_parallel_requests");
        assertThat(statuses.of(router.modelGroups()).getFirst().atLimit()).isEmpty();
    }
}
