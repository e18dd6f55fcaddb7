package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.Fixture.text;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionFailure.NoHealthyDeployment;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code rpm}, {@code tpm} (audio seconds) and {@code max_parallel_requests}. */
class RouterLimitsTest {

    private final Fixture fixture = new Fixture();

    @Test
    void aDeploymentAtItsRpmIsSkippedForTheRestOfTheMinute() {
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("from a").repeats()).toBuilder().rpm(2).build())
                .deployment(fixture.deployment("b", "whisper", port().answers("from b")))
                .build();

        aServesTwiceThenBUntilTheNextMinute(router);
    }

    @Test
    void whenEveryDeploymentIsAtItsRpmTheCallGets429WithRetryAfterTheNextMinute() {
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("from a").repeats()).toBuilder().rpm(1).build())
                .deployment(fixture.deployment("b", "whisper", port().answers("from b")).toBuilder().rpm(1).build())
                .build();
        router.transcribe(request("whisper"));
        router.transcribe(request("whisper"));
        fixture.clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOfSatisfying(NoHealthyDeployment.class,
                            none -> assertThat(none.retryAfter()).contains(Duration.ofSeconds(40)));
                    assertThat(e).hasMessage("No deployments available for model=whisper: a has used its rpm of 1;"
                            + " b has used its rpm of 1. Try again in 40 s.");
                    assertThat(e.report().attempts()).isEmpty();
                });
        fixture.clock.advance(Duration.ofSeconds(40));
        assertThat(text(router, "whisper")).isEqualTo("from a");
    }

    @Test
    void tpmCountsTheAudioSecondsOfEachAnswerUntilTheMinuteIsUsedUp() {
        ScriptedPort limited = port().answersAudio("from a", 45).repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", limited).toBuilder().tpm(60).build())
                .deployment(fixture.deployment("b", "whisper", port().answers("from b")))
                .build();

        // 45 s of 60 are used after the first answer, so the second still goes (a call's length is known only
        // after it); 90 s are used after it, and a is skipped until the next minute.
        aServesTwiceThenBUntilTheNextMinute(router);
    }

    private void aServesTwiceThenBUntilTheNextMinute(Router router) {
        assertThat(text(router, "whisper")).isEqualTo("from a");
        assertThat(text(router, "whisper")).isEqualTo("from a");
        assertThat(text(router, "whisper")).isEqualTo("from b");
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(text(router, "whisper")).isEqualTo("from a");
    }

    @Test
    void aDeploymentAtItsMaxParallelRequestsIsSkipped() {
        RoutingState state = RoutingState.inMemory();
        state.tryStart("a", fixture.clock.instant(), DeploymentLimits.none());
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("from a")).toBuilder()
                        .maxParallelRequests(1).build())
                .deployment(fixture.deployment("b", "whisper", port().answers("from b")))
                .state(state)
                .build();

        assertThat(text(router, "whisper")).isEqualTo("from b");
    }

    @Test
    void defaultMaxParallelRequestsAppliesToDeploymentsWithoutTheirOwnAndAnswers429ForASecond() {
        RoutingState state = RoutingState.inMemory();
        state.tryStart("a", fixture.clock.instant(), DeploymentLimits.none());
        state.tryStart("a", fixture.clock.instant(), DeploymentLimits.none());
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("from a")))
                .settings(RouterSettings.builder().defaultMaxParallelRequests(2).build())
                .state(state)
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> assertThat(e.failure())
                        .isEqualTo(new NoHealthyDeployment("No deployments available for model=whisper: a has 2 calls"
                                + " in flight, its max_parallel_requests. Try again in 1 s.",
                                java.util.Optional.of(Duration.ofSeconds(1)))));
    }

    @Test
    void everyAttemptFreesItsSlotWhetherItAnsweredOrFailed() {
        RoutingState state = RoutingState.inMemory();
        ScriptedPort only = port().fails(new UpstreamUnavailable("503", OptionalInt.of(503))).answers("hello");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", only).toBuilder().maxParallelRequests(1).build())
                .settings(RouterSettings.builder().numRetries(0).build())
                .state(state)
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper"))).isInstanceOf(RoutedTranscriptionException.class);
        assertThat(text(router, "whisper")).isEqualTo("hello");
        assertThat(state.usage(List.of("a"), fixture.clock.instant()).get("a").inFlight()).isZero();
    }
}
