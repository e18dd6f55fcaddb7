package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.model.Transcription;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the router reports about each call: the proxy's x-voxgate-* headers come from here. */
class RoutingReportTest {

    private static final RateLimited RATE_LIMITED = new RateLimited("429 slow down", Optional.of(Duration.ofSeconds(3)));

    private final Fixture fixture = new Fixture();

    @Test
    void aCallReportsTheGroupAndDeploymentThatAnsweredItsRetriesFallbacksAndTimes() {
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper",
                        port().failsAfter(Duration.ofSeconds(1), fixture.clock, RATE_LIMITED).repeats()))
                .deployment(fixture.deployment("c", "backup",
                        port().answersAfter(Duration.ofSeconds(2), fixture.clock, "from backup")))
                .settings(RouterSettings.builder().numRetries(1).fallback("whisper", List.of("backup")).build())
                .build();

        Routed<Transcription> routed = router.route(request("whisper"), CallOptions.defaults());

        // a failed after 1 s, the back-off honoured Retry-After (3 s), a failed again after 1 s, c took 2 s.
        RoutingReport report = routed.report();
        assertThat(routed.value().text()).isEqualTo("from backup");
        assertThat(report.requestedModel()).isEqualTo("whisper");
        assertThat(report.modelGroup()).isEqualTo("backup");
        assertThat(report.deploymentId()).contains("c");
        assertThat(report.attempts()).extracting(RoutingReport.Attempt::deploymentId).containsExactly("a", "a", "c");
        assertThat(report.attempts().getFirst().failure()).contains(RATE_LIMITED);
        assertThat(report.retries()).isEqualTo(1);
        assertThat(report.fallbacksTried()).isEqualTo(1);
        assertThat(report.totalTime()).isEqualTo(Duration.ofSeconds(7));
        assertThat(report.providerTime()).isEqualTo(Duration.ofSeconds(4));
        assertThat(report.overhead()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aFailedCallCarriesItsReportInTheException() {
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper",
                        port().failsAfter(Duration.ofSeconds(1), fixture.clock, RATE_LIMITED)))
                .settings(RouterSettings.builder().numRetries(0).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RATE_LIMITED);
                    assertThat(e.report().modelGroup()).isEqualTo("whisper");
                    assertThat(e.report().deploymentId()).isEmpty();
                    assertThat(e.report().attempts()).singleElement()
                            .extracting(RoutingReport.Attempt::deploymentId).isEqualTo("a");
                    assertThat(e.report().totalTime()).isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void anUnknownModelIsReportedWithoutAttempts() {
        Router router = fixture.router().deployment(fixture.deployment("a", "whisper", port().answers("x"))).build();

        assertThatThrownBy(() -> router.route(request("gpt-9"), CallOptions.defaults()))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(ModelNotFound.class);
                    assertThat(e.report().modelGroup()).isEqualTo("gpt-9");
                    assertThat(e.report().attempts()).isEmpty();
                    assertThat(e.report().retries()).isZero();
                });
    }

    @Test
    void anAsyncRouteCompletesWithTheReport() throws Exception {
        Router router = fixture.router().deployment(fixture.deployment("a", "whisper", port().answers("hi"))).build();

        Routed<Transcription> routed = router.routeAsync(request("whisper"), CallOptions.defaults())
                .get(5, TimeUnit.SECONDS);

        assertThat(routed.report().deploymentId()).contains("a");
        assertThat(routed.report().retries()).isZero();
    }
}
