package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.model.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * These run on the router's real timers, in fractions of a second, since what they check is that a timeout interrupts
 * a real thread; the tests themselves never sleep: a hanging port waits for its interrupt.
 */
class RouterTimeoutTest {

    private final Fixture fixture = new Fixture();

    @Test
    void anAttemptTimeoutTurnsAHangIntoUpstreamTimeoutAndTheRetryReachesTheNextDeployment() throws Exception {
        ScriptedPort hanging = port().hangs();
        ScriptedPort healthy = port().answers("hello");
        Deployment slow = fixture.deployment("a", "whisper", hanging).toBuilder()
                .timeout(Duration.ofMillis(100)).build();
        Router router = fixture.router()
                .deployment(slow)
                .deployment(fixture.deployment("b", "whisper", healthy))
                .build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("hello");
        assertThat(hanging.wasInterrupted(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void theRoutersAttemptTimeoutAppliesWhenTheDeploymentSetsNone() throws Exception {
        ScriptedPort hanging = port().hangs();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", hanging))
                .settings(RouterSettings.builder().numRetries(0).attemptTimeout(Duration.ofMillis(100)).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> assertThat(e.failure())
                        .isEqualTo(new UpstreamTimeout("Deployment 'a' (openai/whisper-1) did not answer within 100 ms")));
        assertThat(hanging.wasInterrupted(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void theCallsDeadlineStopsRetries() {
        // Every attempt hangs until its 60 ms timeout interrupts it, and is retried at once.
        ScriptedPort slowFailure = port().hangs().repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", slowFailure))
                .settings(RouterSettings.builder().numRetries(100).disableCooldowns(true)
                        .attemptTimeout(Duration.ofMillis(60)).build())
                .backoff(RetryBackoff.none())
                .build();

        long start = System.nanoTime();
        CallOptions deadline = CallOptions.builder().timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> router.route(request("whisper"), deadline).value())
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(UpstreamTimeout.class);
                    assertThat(e).hasMessageStartingWith("Request timed out: the call's deadline of 200 ms passed");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        // 200 ms hold three or four 60 ms attempts; a loaded machine may fit fewer, never the 101 asked for.
        assertThat(slowFailure.calls()).isBetween(1, 5);
    }

    @Test
    void theCallsDeadlineCutsAHangingAttemptAndSkipsTheFallbacks() throws Exception {
        ScriptedPort hanging = port().hangs();
        ScriptedPort backup = port().answers("never");
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", hanging))
                .deployment(fixture.deployment("b", "whisper-backup", backup))
                .settings(RouterSettings.builder().fallback("whisper", List.of("whisper-backup")).build())
                .build();

        CallOptions deadline = CallOptions.builder().timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> router.route(request("whisper"), deadline).value())
                .isInstanceOfSatisfying(TranscriptionException.class, e -> assertThat(e.failure()).isEqualTo(
                        new UpstreamTimeout("Request timed out: the call's deadline of 200 ms passed while deployment"
                                + " 'a' was answering")));
        assertThat(hanging.wasInterrupted(Duration.ofSeconds(5))).isTrue();
        assertThat(backup.calls()).isZero();
    }

    @Test
    void aStreamThatStallsAfterItBeganEndsTheCallAtItsAttemptTimeoutWithoutARetry() {
        Deployment stalling = fixture.deployment("a", "whisper", port().streamsThenHangs("Four")).toBuilder()
                .timeout(Duration.ofMillis(100)).build();
        Router router = fixture.router()
                .deployment(stalling)
                .deployment(fixture.deployment("b", "whisper", port()))
                .build();
        List<String> pieces = new CopyOnWriteArrayList<>();

        // What reached the caller cannot be taken back, so b is not asked to stream the same audio again.
        assertThatThrownBy(() -> router.transcribeStreaming(request("whisper"), pieces::add))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isEqualTo(new UpstreamTimeout(
                            "Deployment 'a' (openai/whisper-1) did not answer within 100 ms"));
                    assertThat(e.report().attempts()).hasSize(1);
                });
        assertThat(pieces).containsExactly("Four");
    }

    @Test
    void aBackOffLongerThanTheTimeLeftEndsTheCallWithoutWaiting() {
        ScriptedPort limited = port().fails(new RateLimited("429 slow down", Optional.of(Duration.ofSeconds(30))));
        Router router = fixture.router().deployment(fixture.deployment("a", "whisper", limited)).build();

        CallOptions deadline = CallOptions.builder().timeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> router.route(request("whisper"), deadline).value())
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(UpstreamTimeout.class);
                    assertThat(e).hasMessage("Request timed out: the call's deadline of 5000 ms leaves no time for"
                            + " the 30000 ms wait before the next retry; last failure: 429 slow down");
                });
        assertThat(fixture.sleeper.waits()).isEmpty();
        assertThat(limited.calls()).isEqualTo(1);
    }

    @Test
    void onAVirtualThreadTheAttemptRunsOnTheCallersThreadAndATimeoutStillEndsIt() throws Exception {
        ScriptedPort hanging = port().hangs();
        ScriptedPort healthy = port().answers("hello");
        Deployment slow = fixture.deployment("a", "whisper", hanging).toBuilder()
                .timeout(Duration.ofMillis(100)).build();
        Router router = fixture.router()
                .deployment(slow)
                .deployment(fixture.deployment("b", "whisper", healthy))
                .build();

        CallerOutcome outcome = onAVirtualThread(() -> router.transcribe(request("whisper")).text());

        assertThat(outcome.value()).isEqualTo("hello");
        assertThat(hanging.wasInterrupted(Duration.ofSeconds(5))).isTrue();
        assertThat(hanging.callThreads()).containsExactly(outcome.caller());
        assertThat(healthy.callThreads()).containsExactly(outcome.caller());
        assertThat(outcome.interruptedAfterwards()).as("the timeout's interrupt is not left on the caller").isFalse();
    }

    /** What a call made on a virtual thread returned, which thread that was, and its interrupt flag afterwards. */
    private record CallerOutcome(String value, Thread caller, boolean interruptedAfterwards) {
    }

    private static CallerOutcome onAVirtualThread(java.util.concurrent.Callable<String> call) throws Exception {
        java.util.concurrent.CompletableFuture<CallerOutcome> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                String value = call.call();
                outcome.complete(new CallerOutcome(value, Thread.currentThread(), Thread.currentThread().isInterrupted()));
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        });
        return outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
