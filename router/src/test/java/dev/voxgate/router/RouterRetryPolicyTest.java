package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.Fixture.text;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.router.state.FailureKind;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** num_retries with retry_policy, retry_after, and where each retry goes. */
class RouterRetryPolicyTest {

    private static final UpstreamUnavailable UNAVAILABLE = new UpstreamUnavailable("503 from vendor", OptionalInt.of(503));

    private final Fixture fixture = new Fixture();

    @Test
    void retriesGoToEveryOtherDeploymentBeforeBackingOff() {
        ScriptedPort first = port().fails(UNAVAILABLE).answers("from a");
        ScriptedPort second = port().fails(UNAVAILABLE);
        ScriptedPort third = port().fails(UNAVAILABLE);
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .deployment(fixture.deployment("c", "whisper", third))
                .settings(RouterSettings.builder().numRetries(3).disableCooldowns(true).build())
                .build();

        Routed<?> routed = router.route(request("whisper"), CallOptions.defaults());

        assertThat(routed.report().attempts()).extracting(RoutingReport.Attempt::deploymentId)
                .containsExactly("a", "b", "c", "a");
        assertThat(fixture.sleeper.waits()).hasSize(1);
    }

    @Test
    void retryPolicyGivesEachFailureKindItsOwnNumberOfRetries() {
        ScriptedPort timingOut = port().fails(new UpstreamTimeout("too slow"));
        ScriptedPort failing = port().fails(UNAVAILABLE).repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("t", "timeouts", timingOut))
                .deployment(fixture.deployment("f", "failures", failing))
                .settings(RouterSettings.builder().numRetries(1).disableCooldowns(true)
                        .retryPolicy(FailureKind.TIMEOUT, 0).retryPolicy(FailureKind.SERVER_ERROR, 3).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("timeouts"))).hasMessage("too slow");
        assertThatThrownBy(() -> router.transcribe(request("failures"))).hasMessage("503 from vendor");
        assertThat(timingOut.calls()).isEqualTo(1);
        assertThat(failing.calls()).isEqualTo(4);
    }

    @Test
    void aBadRequestIsRetriedOnlyWhenThePolicyAsksAndOnlyOnAnUntriedDeployment() {
        ScriptedPort picky = port().fails(InvalidRequest.ofParam("language", "unsupported language 'xx'")).repeats();
        ScriptedPort lenient = port().fails(InvalidRequest.ofParam("language", "unsupported language 'xx'"));
        Router.Builder builder = fixture.router()
                .deployment(fixture.deployment("a", "whisper", picky))
                .deployment(fixture.deployment("b", "whisper", lenient));

        Router byDefault = builder.build();
        assertThatThrownBy(() -> byDefault.transcribe(request("whisper"))).hasMessage("unsupported language 'xx'");
        assertThat(picky.calls() + lenient.calls()).isEqualTo(1);

        Router opted = builder.settings(RouterSettings.builder().retryPolicy(FailureKind.BAD_REQUEST, 5).build())
                .build();
        assertThatThrownBy(() -> opted.transcribe(request("whisper"))).hasMessage("unsupported language 'xx'");
        assertThat(picky.calls() + lenient.calls()).isEqualTo(3);
        assertThat(fixture.sleeper.waits()).isEmpty();
    }

    @Test
    void aModelUnknownToTheProviderIsNeverRetried() {
        ScriptedPort missing = port().fails(new ModelNotFound("model 'whisper-9' does not exist"));
        ScriptedPort other = port().answers("never");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", missing))
                .deployment(fixture.deployment("b", "whisper", other))
                .settings(RouterSettings.builder().numRetries(3).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper"))).hasMessage("model 'whisper-9' does not exist");
        assertThat(other.calls()).isZero();
    }

    @Test
    void retryAfterIsTheShortestBackOff() {
        ScriptedPort only = port().fails(UNAVAILABLE).answers("hello");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", only))
                .settings(RouterSettings.builder().retryAfter(Duration.ofSeconds(4)).build())
                .build();

        assertThat(text(router, "whisper")).isEqualTo("hello");
        assertThat(fixture.sleeper.waits()).containsExactly(Duration.ofSeconds(4));
    }
}
