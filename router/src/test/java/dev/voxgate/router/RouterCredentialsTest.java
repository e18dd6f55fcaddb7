package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.Fixture.text;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.NoHealthyDeployment;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.RoutingListener.AttemptEnded;
import dev.voxgate.router.RoutingListener.DeploymentRested;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A caller's own credentials on the shared router: its key, the deployments' shared limits and rests. */
class RouterCredentialsTest {

    private static final CallOptions CALLERS_KEY = CallOptions.builder()
            .credentials(new CallerCredentials(Optional.of(Secret.of("caller-key")), Optional.empty(), Optional.empty()))
            .build();
    private static final AuthenticationFailed WRONG_KEY = new AuthenticationFailed("invalid api key");

    private final Fixture fixture = new Fixture();

    @Test
    void theCallersKeyReachesTheSharedDeploymentThroughAPortConnectedOverIt() {
        ScriptedPort configured = port();
        fixture.connector.port("a", "caller-key", port().answers("on the caller's key"));
        Deployment a = fixture.deployment("a", "whisper", configured).toBuilder().apiKey(Secret.of("operator-key"))
                .rpm(10).build();
        Router router = fixture.router().deployment(a).build();

        Routed<Transcription> routed = router.route(request("whisper"), CALLERS_KEY);

        assertThat(routed.value().text()).isEqualTo("on the caller's key");
        assertThat(routed.report().deploymentId()).contains("a");
        // Connected once at build with the operator's key, then for the call with the caller's in its place.
        assertThat(fixture.connector.connectedDeployments()).containsExactly(a,
                a.toBuilder().apiKey(Secret.of("caller-key")).build());
        assertThat(configured.calls()).isZero();
    }

    @Test
    void aCallersCallAndAPlainOneShareTheDeploymentsRpm() {
        ScriptedPort callers = port().answers("caller's").repeats();
        fixture.connector.port("a", "caller-key", callers);
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("plain").repeats()).toBuilder().rpm(1)
                        .build())
                .build();

        assertThat(router.route(request("whisper"), CALLERS_KEY).value().text()).isEqualTo("caller's");
        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(NoHealthyDeployment.class);
                    assertThat(e).hasMessageContaining("a has used its rpm of 1");
                });
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(text(router, "whisper")).isEqualTo("plain");
        assertThatThrownBy(() -> router.route(request("whisper"), CALLERS_KEY))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class,
                        e -> assertThat(e.failure()).isInstanceOf(NoHealthyDeployment.class));
        assertThat(callers.calls()).isEqualTo(1);
    }

    @Test
    void aCallersCallTakesAnInFlightSlotOfTheSharedDeploymentAndFreesIt() {
        RoutingState state = RoutingState.inMemory();
        state.tryStart("a", fixture.clock.instant(), DeploymentLimits.none());
        fixture.connector.port("b", "caller-key", port().answers("from b"));
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port()).toBuilder().maxParallelRequests(1).build())
                .deployment(fixture.deployment("b", "whisper", port()).toBuilder().maxParallelRequests(1).build())
                .state(state)
                .build();

        // a is at its max_parallel_requests with a call of someone else's, so the caller's call goes to b.
        assertThat(router.route(request("whisper"), CALLERS_KEY).value().text()).isEqualTo("from b");
        assertThat(state.usage(List.of("a", "b"), fixture.clock.instant()))
                .satisfies(usage -> {
                    assertThat(usage.get("a").inFlight()).isEqualTo(1);
                    assertThat(usage.get("b").inFlight()).isZero();
                    assertThat(usage.get("b").requestsThisMinute()).isEqualTo(1);
                });
    }

    @Test
    void theCallersWrongKeyFailsThatCallerAloneAndNeitherCountsAgainstNorRestsTheDeployment() {
        RoutingState state = RoutingState.inMemory();
        EventRecorder recorder = new EventRecorder();
        fixture.connector.port("a", "caller-key", port().fails(WRONG_KEY));
        fixture.connector.port("b", "caller-key", port().fails(WRONG_KEY));
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("from a").repeats()))
                .deployment(fixture.deployment("b", "whisper", port()))
                // With allowed_fails 0, a single failure that counted would rest its deployment.
                .settings(RouterSettings.builder().allowedFails(0).build())
                .state(state)
                .listener(recorder.listener())
                .build();

        // Refused credentials move to an untried deployment, as the disposition says, and end the call there.
        assertThatThrownBy(() -> router.route(request("whisper"), CALLERS_KEY))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isEqualTo(WRONG_KEY);
                    assertThat(e.report().attempts()).extracting(RoutingReport.Attempt::deploymentId)
                            .containsExactly("a", "b");
                });
        assertThat(state.restingUntil(List.of("a", "b"), fixture.clock.instant())).isEmpty();
        assertThat(state.usage(List.of("a", "b"), fixture.clock.instant()).values())
                .allSatisfy(usage -> assertThat(usage.failuresThisMinute()).isZero());
        assertThat(recorder.events(DeploymentRested.class)).isEmpty();
        assertThat(recorder.events(AttemptEnded.class)).allSatisfy(ended -> assertThat(ended.callerCredentials()).isTrue());
        for (int i = 0; i < 3; i++) {
            assertThat(text(router, "whisper")).isEqualTo("from a");
        }
    }

    @Test
    void aDeploymentRestingForEveryoneRestsForTheCallerToo() {
        fixture.connector.port("b", "caller-key", port().answers("from b on the caller's key"));
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper",
                        port().fails(new RateLimited("429 slow down", Optional.empty()))))
                .deployment(fixture.deployment("b", "whisper", port().answers("from b")))
                .build();
        assertThat(text(router, "whisper")).isEqualTo("from b");

        assertThat(router.route(request("whisper"), CALLERS_KEY).value().text()).isEqualTo("from b on the caller's key");
    }

    @Test
    void fallbackGroupsRunOnTheirOwnConfiguredCredentials() {
        EventRecorder recorder = new EventRecorder();
        fixture.connector.port("p", "caller-key",
                port().fails(new UpstreamUnavailable("503 from vendor", OptionalInt.of(503))));
        Deployment backup = fixture.deployment("b", "backup", port().answers("from backup")).toBuilder()
                .apiKey(Secret.of("operator-key")).build();
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port()))
                .deployment(backup)
                .settings(RouterSettings.builder().numRetries(0).fallback("whisper", List.of("backup")).build())
                .listener(recorder.listener())
                .build();

        assertThat(router.route(request("whisper"), CALLERS_KEY).value().text()).isEqualTo("from backup");
        assertThat(fixture.connector.connectedDeployments()).filteredOn(deployment -> deployment.id().equals("b"))
                .containsExactly(backup);
        assertThat(recorder.events(AttemptEnded.class)).extracting(AttemptEnded::group, AttemptEnded::callerCredentials)
                .containsExactly(Tuple.tuple("whisper", true),
                        Tuple.tuple("backup", false));
    }

    @Test
    void aRouterBuiltFromPortsAloneRoutesButCannotApplyCallerCredentials() {
        ScriptedPort only = port().answers("from a");
        Router router = Router.builder()
                .deployment(Deployment.builder("a", "whisper", "openai", "whisper-1").build(), only)
                .clock(fixture.clock)
                .build();

        assertThat(text(router, "whisper")).isEqualTo("from a");
        assertThatThrownBy(() -> router.route(request("whisper"), CALLERS_KEY))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                            invalid -> assertThat(invalid.param()).contains("api_key"));
                    assertThat(e).hasMessageContaining("cannot apply caller credentials");
                    assertThat(e.report().attempts()).isEmpty();
                });
        assertThat(only.calls()).isEqualTo(1);
    }

    @Test
    void aRouterWithoutAConnectorNeedsAPortForEveryDeployment() {
        Router.Builder builder = Router.builder()
                .deployment(Deployment.builder("a", "whisper", "openai", "whisper-1").build(), port())
                .deployment(Deployment.builder("b", "whisper", "openai", "whisper-1").build());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DeploymentConnector");
    }
}
