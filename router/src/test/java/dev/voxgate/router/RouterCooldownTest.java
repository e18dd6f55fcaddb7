package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.NoHealthyDeployment;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.Deployment;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RouterCooldownTest {

    private static final RateLimited RATE_LIMITED = new RateLimited("429 slow down", Optional.empty());
    private static final UpstreamUnavailable UNAVAILABLE = new UpstreamUnavailable("503 from vendor", OptionalInt.of(503));

    private final Fixture fixture = new Fixture();

    @Test
    void rateLimitedDeploymentIsSkippedUntilCooldownEnds() {
        ScriptedPort first = port().fails(RATE_LIMITED).answers("from a");
        ScriptedPort second = port().answers("from b").repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from b");
        fixture.clock.advance(Duration.ofSeconds(4));
        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from b");
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from a");
        assertThat(first.calls()).isEqualTo(2);
    }

    @Test
    void retryAfterLengthensTheCooldown() {
        ScriptedPort first = port().fails(new RateLimited("429", Optional.of(Duration.ofSeconds(30)))).answers("from a");
        ScriptedPort second = port().answers("from b").repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .build();

        router.transcribe(request("whisper"));
        fixture.clock.advance(Duration.ofSeconds(29));
        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from b");
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from a");
    }

    @Test
    void everyDeploymentRestingFailsWithNoHealthyDeploymentUntilTheEarliestIsBack() {
        ScriptedPort first = port().fails(RATE_LIMITED);
        ScriptedPort second = port().fails(new RateLimited("429", Optional.of(Duration.ofSeconds(20))));
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .build();
        assertThatThrownBy(() -> router.transcribe(request("whisper"))).isInstanceOf(TranscriptionException.class);
        fixture.clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOfSatisfying(NoHealthyDeployment.class,
                            failure -> assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3)));
                    assertThat(FailureDisposition.of(e.failure()).retry()).isEqualTo(FailureDisposition.RetryScope.NONE);
                    assertThat(e).hasMessageContaining("model=whisper").hasMessageContaining("Try again in 3 s");
                });
        assertThat(first.calls() + second.calls()).isEqualTo(2);
    }

    @Test
    void failuresBeyondAllowedFailsInAMinuteRestTheDeployment() {
        ScriptedPort only = port().fails(UNAVAILABLE).repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", only))
                .settings(RouterSettings.builder().numRetries(0).allowedFails(2).build())
                .build();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> router.transcribe(request("whisper")))
                    .isInstanceOfSatisfying(TranscriptionException.class,
                            e -> assertThat(e.failure()).isEqualTo(UNAVAILABLE));
        }
        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(TranscriptionException.class,
                        e -> assertThat(e.failure()).isInstanceOf(NoHealthyDeployment.class));
        assertThat(only.calls()).isEqualTo(3);
        fixture.clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(TranscriptionException.class,
                        e -> assertThat(e.failure()).isEqualTo(UNAVAILABLE));
    }

    @Test
    void aSingleDeploymentIsNotRestedForOneRateLimit() {
        ScriptedPort only = port().fails(RATE_LIMITED).answers("hello");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", only))
                .settings(RouterSettings.builder().numRetries(0).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper"))).isInstanceOf(TranscriptionException.class);
        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("hello");
    }

    @Test
    void nonRetryableFailuresNeverRestADeployment() {
        ScriptedPort only = port().fails(InvalidRequest.of("bad audio")).repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", only))
                .settings(RouterSettings.builder().allowedFails(0).build())
                .build();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> router.transcribe(request("whisper")))
                    .isInstanceOfSatisfying(TranscriptionException.class,
                            e -> assertThat(e.failure()).isInstanceOf(InvalidRequest.class));
        }
        assertThat(only.calls()).isEqualTo(3);
    }

    @Test
    void disabledCooldownsKeepEveryDeploymentInRotation() {
        ScriptedPort first = port().fails(RATE_LIMITED).answers("from a");
        ScriptedPort second = port().answers("from b");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .settings(RouterSettings.builder().disableCooldowns(true).build())
                .build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from b");
        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from a");
    }

    @Test
    void aDeploymentWithZeroCooldownTimeNeverRests() {
        ScriptedPort first = port().fails(RATE_LIMITED).answers("from a");
        ScriptedPort second = port().answers("from b");
        Deployment restless = fixture.deployment("a", "whisper", first).toBuilder().cooldownTime(Duration.ZERO).build();
        Router router = fixture.router()
                .deployment(restless)
                .deployment(fixture.deployment("b", "whisper", second))
                .build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from b");
        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from a");
    }

    @Test
    void aDeploymentsOwnCooldownTimeReplacesTheRouters() {
        ScriptedPort first = port().fails(RATE_LIMITED).answers("from a");
        ScriptedPort second = port().answers("from b").repeats();
        Deployment patient = fixture.deployment("a", "whisper", first).toBuilder()
                .cooldownTime(Duration.ofSeconds(60)).build();
        Router router = fixture.router()
                .deployment(patient)
                .deployment(fixture.deployment("b", "whisper", second))
                .build();

        router.transcribe(request("whisper"));
        fixture.clock.advance(Duration.ofSeconds(59));
        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from b");
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from a");
    }
}
