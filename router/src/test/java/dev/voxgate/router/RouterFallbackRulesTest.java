package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.Fixture.text;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** max_fallbacks, disable_fallbacks and the router's total timeout. */
class RouterFallbackRulesTest {

    private static final UpstreamUnavailable UNAVAILABLE = new UpstreamUnavailable("503 from vendor", OptionalInt.of(503));

    private final Fixture fixture = new Fixture();

    @Test
    void maxFallbacksStopsTheChainAndTheFailureNamesEachGroupTried() {
        ScriptedPort third = port().answers("never");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port().fails(UNAVAILABLE)))
                .deployment(fixture.deployment("f", "first", port().fails(new UpstreamTimeout("first too slow"))))
                .deployment(fixture.deployment("s", "second", port().fails(new UpstreamTimeout("second too slow"))))
                .deployment(fixture.deployment("t", "third", third))
                .settings(RouterSettings.builder().numRetries(0).maxFallbacks(2)
                        .fallback("whisper", List.of("first", "second", "third")).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e).hasMessage("503 from vendor (fallbacks tried: first → first too slow; second →"
                            + " second too slow)");
                    assertThat(e.report().fallbacks()).containsExactly("first", "second");
                    assertThat(e.report().modelGroup()).isEqualTo("second");
                });
        assertThat(third.calls()).isZero();
    }

    @Test
    void disableFallbacksInTheSettingsStopsConfiguredAndCallerFallbacks() {
        ScriptedPort backup = port().answers("never");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port().fails(UNAVAILABLE).repeats()))
                .deployment(fixture.deployment("b", "backup", backup))
                .settings(RouterSettings.builder().numRetries(0).disableFallbacks(true)
                        .fallback("whisper", List.of("backup")).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper"))).hasMessage("503 from vendor");
        CallOptions callerFallbacks = CallOptions.builder().fallbacks(List.of("backup")).build();
        assertThatThrownBy(() -> router.route(request("whisper"), callerFallbacks).value()).hasMessage("503 from vendor");
        assertThat(backup.calls()).isZero();
    }

    @Test
    void disableFallbacksInCallOptionsStopsThatCallsFallbacksOnly() {
        ScriptedPort backup = port().answers("from backup");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", port().fails(UNAVAILABLE).repeats()))
                .deployment(fixture.deployment("b", "backup", backup))
                .settings(RouterSettings.builder().numRetries(0).fallback("whisper", List.of("backup")).build())
                .build();

        CallOptions noFallbacks = CallOptions.builder().disableFallbacks(true).build();
        assertThatThrownBy(() -> router.route(request("whisper"), noFallbacks).value()).hasMessage("503 from vendor");
        assertThat(text(router, "whisper")).isEqualTo("from backup");
    }

    /** On real time, in a fraction of a second: the deadline interrupts a real thread. */
    @Test
    void theRoutersTotalTimeoutBoundsACallWithoutADeadlineOfItsOwnAndTheShorterOneWins() throws Exception {
        ScriptedPort hanging = port().hangs().repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", hanging))
                .settings(RouterSettings.builder().totalTimeout(Duration.ofMillis(150)).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .hasMessageStartingWith("Request timed out: the call's deadline of 150 ms passed");
        CallOptions longer = CallOptions.builder().timeout(Duration.ofMinutes(5)).build();
        assertThatThrownBy(() -> router.route(request("whisper"), longer).value())
                .hasMessageStartingWith("Request timed out: the call's deadline of 150 ms passed");
        CallOptions shorter = CallOptions.builder().timeout(Duration.ofMillis(100)).build();
        assertThatThrownBy(() -> router.route(request("whisper"), shorter).value())
                .hasMessageStartingWith("Request timed out: the call's deadline of 100 ms passed");
        assertThat(hanging.wasInterrupted(Duration.ofSeconds(5))).isTrue();
    }
}
