package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.Fixture.text;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The rules that rest a deployment: Retry-After, the failure-rate rule, allowed_fails_policy, shared counts. */
class RouterCooldownRulesTest {

    private static final UpstreamUnavailable UNAVAILABLE = new UpstreamUnavailable("503 from vendor", OptionalInt.of(503));

    private final Fixture fixture = new Fixture();

    @Test
    void a429WithRetryAfterOfSevenSecondsKeepsTheDeploymentOutForSevenSeconds() {
        ScriptedPort limited = port().fails(new RateLimited("429", Optional.of(Duration.ofSeconds(7)))).answers("from a");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", limited))
                .deployment(fixture.deployment("b", "whisper", port().answers("from b").repeats()))
                .build();

        assertThat(text(router, "whisper")).isEqualTo("from b");
        fixture.clock.advance(Duration.ofMillis(6_999));
        assertThat(text(router, "whisper")).isEqualTo("from b");
        fixture.clock.advance(Duration.ofMillis(1));
        assertThat(text(router, "whisper")).isEqualTo("from a");
    }

    @Test
    void moreThanHalfOfAtLeastFiveRequestsFailingThisMinuteRestsTheDeployment() {
        ScriptedPort flaky = port().answers("ok").answers("ok").fails(UNAVAILABLE).repeats();
        ScriptedPort steady = port().answers("from b").repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", flaky))
                .deployment(fixture.deployment("b", "whisper", steady))
                .settings(RouterSettings.builder().allowedFails(100).build())
                .build();

        // Requests 1 to 4 of a: 2 failures of 4 is not more than half, and 4 is under the minimum of 5.
        for (int i = 0; i < 4; i++) {
            router.transcribe(request("whisper"));
        }
        assertThat(flaky.calls()).isEqualTo(4);
        // Request 5 fails too: 3 of 5 failed, so a rests and b serves from then on.
        router.transcribe(request("whisper"));
        router.transcribe(request("whisper"));
        assertThat(flaky.calls()).isEqualTo(5);
    }

    @Test
    void theFailureRateRuleSparesASingleDeploymentGroup() {
        ScriptedPort only = port().answers("ok").answers("ok").fails(UNAVAILABLE).fails(UNAVAILABLE).fails(UNAVAILABLE)
                .answers("back");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", only))
                .settings(RouterSettings.builder().numRetries(0).allowedFails(100).build())
                .build();

        for (int i = 0; i < 5; i++) {
            try {
                router.transcribe(request("whisper"));
            } catch (RoutedTranscriptionException expected) {
                assertThat(expected.failure()).isEqualTo(UNAVAILABLE);
            }
        }
        assertThat(text(router, "whisper")).isEqualTo("back");
    }

    @Test
    void allowedFailsPolicyGivesEachFailureKindItsOwnCount() {
        ScriptedPort timingOut = port().fails(new UpstreamTimeout("too slow")).answers("from a");
        ScriptedPort failing = port().fails(UNAVAILABLE).fails(UNAVAILABLE).answers("from c");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", timingOut))
                .deployment(fixture.deployment("c", "other", failing))
                .settings(RouterSettings.builder().numRetries(0).allowedFails(1)
                        .allowedFailsPolicy(FailureKind.TIMEOUT, 0).build())
                .build();

        // One timeout is more than the 0 the policy allows: a rests.
        assertThatThrownBy(() -> router.transcribe(request("whisper"))).isInstanceOf(RoutedTranscriptionException.class);
        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .hasMessageContaining("a is cooling down");
        // Server errors have no policy entry, so allowed_fails (1) applies: the second one rests c.
        assertThatThrownBy(() -> router.transcribe(request("other"))).hasMessage("503 from vendor");
        assertThatThrownBy(() -> router.transcribe(request("other"))).hasMessage("503 from vendor");
        assertThatThrownBy(() -> router.transcribe(request("other"))).hasMessageContaining("c is cooling down");
    }

    @Test
    void aRateLimitPolicyEntryReplacesTheRestAtTheFirst429() {
        ScriptedPort limited = port().fails(new RateLimited("429", Optional.empty())).repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", limited))
                .deployment(fixture.deployment("b", "whisper", port().answers("from b").repeats()))
                .settings(RouterSettings.builder().allowedFailsPolicy(FailureKind.RATE_LIMIT, 1).build())
                .build();

        router.transcribe(request("whisper"));
        router.transcribe(request("whisper"));
        router.transcribe(request("whisper"));
        assertThat(limited.calls()).isEqualTo(2);
    }

    @Test
    void badRequestsRestADeploymentOnlyWhenThePolicyCountsThem() {
        ScriptedPort picky = port().fails(InvalidRequest.of("unsupported language")).repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", picky))
                .deployment(fixture.deployment("b", "whisper", port().answers("from b")))
                .settings(RouterSettings.builder().allowedFailsPolicy(FailureKind.BAD_REQUEST, 1).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper"))).hasMessage("unsupported language");
        assertThatThrownBy(() -> router.transcribe(request("whisper"))).hasMessage("unsupported language");
        assertThat(text(router, "whisper")).isEqualTo("from b");
    }

    @Test
    void refusedCredentialsRestADeploymentThatHasSiblings() {
        ScriptedPort badKey = port().fails(new AuthenticationFailed("invalid api key")).answers("from a");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", badKey))
                .deployment(fixture.deployment("b", "whisper", port().answers("from b").repeats()))
                .build();

        assertThat(text(router, "whisper")).isEqualTo("from b");
        assertThat(text(router, "whisper")).isEqualTo("from b");
        assertThat(badKey.calls()).isEqualTo(1);
    }

    @Test
    void routersSharingOneStateCountFailuresTogether() {
        RoutingState shared = RoutingState.inMemory();
        ScriptedPort flaky = port().fails(UNAVAILABLE).repeats();
        Router first = fixture.router().deployment(fixture.deployment("a", "whisper", flaky)).state(shared)
                .settings(RouterSettings.builder().numRetries(0).allowedFails(1).build()).build();
        Router second = fixture.router().deployment(fixture.deployment("a", "whisper", flaky)).state(shared)
                .settings(RouterSettings.builder().numRetries(0).allowedFails(1).build()).build();

        // Each router saw one failure only, but together they saw two: more than allowed, so both see a rest.
        assertThatThrownBy(() -> first.transcribe(request("whisper"))).hasMessage("503 from vendor");
        assertThatThrownBy(() -> second.transcribe(request("whisper"))).hasMessage("503 from vendor");
        assertThatThrownBy(() -> first.transcribe(request("whisper"))).hasMessageContaining("a is cooling down");
        assertThat(flaky.calls()).isEqualTo(2);
    }
}
