package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.NoHealthyDeployment;
import dev.voxgate.core.error.TranscriptionFailure.PayloadTooLarge;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RouterFallbackTest {

    private static final UpstreamUnavailable UNAVAILABLE = new UpstreamUnavailable("503 from vendor", OptionalInt.of(503));

    private final Fixture fixture = new Fixture();

    @Test
    void fallbacksAreTriedInOrderEachWithItsOwnRetries() {
        ScriptedPort primary = port().fails(UNAVAILABLE).repeats();
        ScriptedPort backup = port().fails(UNAVAILABLE).repeats();
        ScriptedPort lastResort = port().answers("from last resort");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", primary))
                .deployment(fixture.deployment("b", "whisper-backup", backup))
                .deployment(fixture.deployment("l", "last-resort", lastResort))
                .settings(RouterSettings.builder().numRetries(1).disableCooldowns(true)
                        .fallback("whisper", List.of("whisper-backup", "last-resort")).build())
                .build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from last resort");
        assertThat(primary.calls()).isEqualTo(2);
        assertThat(backup.calls()).isEqualTo(2);
        assertThat(lastResort.calls()).isEqualTo(1);
    }

    @Test
    void exhaustedFallbacksKeepTheOriginalKindAndListWhatEachFallbackDid() {
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper",
                        port().fails(new RateLimited("429 slow down", Optional.of(Duration.ofSeconds(2))))))
                .deployment(fixture.deployment("b", "whisper-backup", port().fails(new UpstreamTimeout("too slow"))))
                .settings(RouterSettings.builder().numRetries(0)
                        .fallback("whisper", List.of("whisper-backup")).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e.failure()).isEqualTo(new RateLimited(
                            "429 slow down (fallbacks tried: whisper-backup → too slow)",
                            Optional.of(Duration.ofSeconds(2))));
                    assertThat(e).hasMessage(e.failure().message());
                });
    }

    @Test
    void theAnyGroupFallbackAppliesToGroupsWithoutTheirOwn() {
        ScriptedPort backup = port().answers("from backup");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port().fails(UNAVAILABLE)))
                .deployment(fixture.deployment("b", "whisper-backup", backup))
                .settings(RouterSettings.builder().numRetries(0)
                        .fallback(RouterSettings.ANY_GROUP, List.of("whisper-backup")).build())
                .build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("from backup");
    }

    @Test
    void callOptionsFallbacksReplaceTheConfiguredOnes() {
        ScriptedPort configured = port().answers("configured");
        ScriptedPort chosen = port().answers("chosen by the caller");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port().fails(UNAVAILABLE)))
                .deployment(fixture.deployment("c", "configured", configured))
                .deployment(fixture.deployment("x", "chosen", chosen))
                .settings(RouterSettings.builder().numRetries(0).fallback("whisper", List.of("configured")).build())
                .build();

        CallOptions options = CallOptions.builder().fallbacks(List.of("chosen")).build();
        assertThat(router.route(request("whisper"), options).value().text()).isEqualTo("chosen by the caller");
        assertThat(configured.calls()).isZero();
    }

    @Test
    void anUnknownCallerFallbackIsSkippedAndNamedInTheFailure() {
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port().fails(UNAVAILABLE)))
                .settings(RouterSettings.builder().numRetries(0).build())
                .build();

        CallOptions options = CallOptions.builder().fallbacks(List.of("no-such-group")).build();
        assertThatThrownBy(() -> router.route(request("whisper"), options).value())
                .isInstanceOfSatisfying(TranscriptionException.class, e -> assertThat(e.failure()).isEqualTo(
                        new UpstreamUnavailable("503 from vendor (fallbacks tried: no-such-group → unknown model group)",
                                OptionalInt.of(503))));
    }

    @Test
    void aCallerErrorDoesNotFallBack() {
        ScriptedPort backup = port().answers("never");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port().fails(new PayloadTooLarge("file over 25 MB"))))
                .deployment(fixture.deployment("b", "whisper-backup", backup))
                .settings(RouterSettings.builder().fallback("whisper", List.of("whisper-backup")).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(TranscriptionException.class,
                        e -> assertThat(e.failure()).isEqualTo(new PayloadTooLarge("file over 25 MB")));
        assertThat(backup.calls()).isZero();
    }

    @Test
    void atMostMaxFallbacksGroupsAreTried() {
        ScriptedPort second = port().answers("never");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port().fails(UNAVAILABLE)))
                .deployment(fixture.deployment("f", "first", port().fails(UNAVAILABLE)))
                .deployment(fixture.deployment("s", "second", second))
                .settings(RouterSettings.builder().numRetries(0).maxFallbacks(1)
                        .fallback("whisper", List.of("first", "second")).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper"))).isInstanceOf(TranscriptionException.class);
        assertThat(second.calls()).isZero();
    }

    @Test
    void aGroupWithEveryDeploymentRestingStillFallsBack() {
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port().fails(UNAVAILABLE)))
                .deployment(fixture.deployment("b", "whisper-backup", port().answers("from backup")))
                .settings(RouterSettings.builder().numRetries(0).allowedFails(0).build())
                .build();
        CallOptions noFallbacks = CallOptions.builder().fallbacks(List.of()).build();
        assertThatThrownBy(() -> router.route(request("whisper"), noFallbacks).value())
                .isInstanceOf(TranscriptionException.class);
        assertThatThrownBy(() -> router.route(request("whisper"), noFallbacks).value())
                .isInstanceOfSatisfying(TranscriptionException.class,
                        e -> assertThat(e.failure()).isInstanceOf(NoHealthyDeployment.class));

        CallOptions withBackup = CallOptions.builder().fallbacks(List.of("whisper-backup")).build();
        assertThat(router.route(request("whisper"), withBackup).value().text()).isEqualTo("from backup");
    }

    @Test
    void mockTestingFallbacksNeverCallsThePrimaryAndRunsTheFallbacksForReal() {
        ScriptedPort primary = port().answers("never");
        ScriptedPort backup = port().answers("from backup");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", primary))
                .deployment(fixture.deployment("b", "whisper-backup", backup))
                .settings(RouterSettings.builder().fallback("whisper", List.of("whisper-backup")).build())
                .build();

        CallOptions mock = CallOptions.builder().mockTestingFallbacks(true).build();
        assertThat(router.route(request("whisper"), mock).value().text()).isEqualTo("from backup");
        assertThat(primary.calls()).isZero();
    }

    @Test
    void mockTestingFallbacksWithoutFallbacksFailsWithTheMockFailure() {
        ScriptedPort primary = port().answers("never");
        Router router = fixture.router().deployment(fixture.deployment("p", "whisper", primary)).build();

        CallOptions mock = CallOptions.builder().mockTestingFallbacks(true).build();
        assertThatThrownBy(() -> router.route(request("whisper"), mock).value())
                .isInstanceOfSatisfying(TranscriptionException.class, e -> assertThat(e.failure()).isEqualTo(
                        new UpstreamUnavailable("This is a mock exception for model=whisper, to trigger a fallback."
                                + " Fallbacks=[]", OptionalInt.empty())));
        assertThat(primary.calls()).isZero();
    }
}
