package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RouterRetryTest {

    private static final UpstreamUnavailable UNAVAILABLE = new UpstreamUnavailable("503 from vendor", OptionalInt.of(503));

    private final Fixture fixture = new Fixture();

    @Test
    void retryGoesToTheOtherDeploymentFirstWithoutWaiting() {
        ScriptedPort first = port().fails(UNAVAILABLE);
        ScriptedPort second = port().answers("hello");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("hello");
        assertThat(first.calls()).isEqualTo(1);
        assertThat(second.calls()).isEqualTo(1);
        assertThat(fixture.sleeper.waits()).isEmpty();
    }

    @Test
    void retriesStopAtNumRetriesAndSurfaceTheLastFailure() {
        ScriptedPort only = port().fails(UNAVAILABLE).repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", only))
                .settings(RouterSettings.builder().numRetries(2).disableCooldowns(true).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(TranscriptionException.class,
                        e -> assertThat(e.failure()).isEqualTo(UNAVAILABLE));
        assertThat(only.calls()).isEqualTo(3);
        assertThat(fixture.sleeper.waits()).hasSize(2);
    }

    @Test
    void callOptionsNumRetriesReplaceTheSettings() {
        ScriptedPort only = port().fails(UNAVAILABLE);
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", only))
                .settings(RouterSettings.builder().numRetries(2).disableCooldowns(true).build())
                .build();

        CallOptions noRetries = CallOptions.builder().numRetries(0).build();
        assertThatThrownBy(() -> router.route(request("whisper"), noRetries).value())
                .isInstanceOf(TranscriptionException.class);
        assertThat(only.calls()).isEqualTo(1);
    }

    @Test
    void nonRetryableFailureIsNotRetried() {
        ScriptedPort first = port().fails(InvalidRequest.ofParam("language", "unsupported language 'xx'"));
        ScriptedPort second = port().answers("never");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(TranscriptionException.class,
                        e -> assertThat(e.failure()).isInstanceOf(InvalidRequest.class));
        assertThat(first.calls()).isEqualTo(1);
        assertThat(second.calls()).isZero();
    }

    @Test
    void authenticationFailureMovesToAnotherDeployment() {
        ScriptedPort badKey = port().fails(new AuthenticationFailed("invalid api key"));
        ScriptedPort goodKey = port().answers("hello");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", badKey))
                .deployment(fixture.deployment("b", "whisper", goodKey))
                .build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("hello");
        assertThat(badKey.calls()).isEqualTo(1);
    }

    @Test
    void authenticationFailureStopsOnceEveryDeploymentWasTried() {
        ScriptedPort first = port().fails(new AuthenticationFailed("invalid api key"));
        ScriptedPort second = port().fails(new AuthenticationFailed("invalid api key"));
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .settings(RouterSettings.builder().numRetries(5).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(TranscriptionException.class,
                        e -> assertThat(e.failure()).isInstanceOf(AuthenticationFailed.class));
        assertThat(first.calls() + second.calls()).isEqualTo(2);
        assertThat(fixture.sleeper.waits()).isEmpty();
    }

    @Test
    void backOffHonoursTheProvidersRetryAfter() {
        ScriptedPort only = port()
                .fails(new RateLimited("429 slow down", Optional.of(Duration.ofSeconds(3))))
                .answers("hello");
        Router router = fixture.router().deployment(fixture.deployment("a", "whisper", only)).build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("hello");
        assertThat(fixture.sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void backOffGrowsExponentiallyOnceEveryDeploymentWasTried() {
        ScriptedPort first = port().fails(new UpstreamProtocolError("truncated body")).repeats();
        ScriptedPort second = port().fails(new UpstreamProtocolError("truncated body")).repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .settings(RouterSettings.builder().numRetries(3).disableCooldowns(true).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper"))).isInstanceOf(TranscriptionException.class);

        // Retry 0 went to the untried deployment at once; retries 1 and 2 waited 1 s and 2 s, less up to 25 %.
        assertThat(fixture.sleeper.waits()).hasSize(2);
        assertThat(fixture.sleeper.waits().get(0)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
        assertThat(fixture.sleeper.waits().get(1)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
        assertThat(first.calls() + second.calls()).isEqualTo(4);
    }
}
