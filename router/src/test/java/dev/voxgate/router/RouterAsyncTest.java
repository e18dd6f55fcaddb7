package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.Transcription;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RouterAsyncTest {

    private final Fixture fixture = new Fixture();

    @Test
    void anAsyncCallCompletesWithTheTranscription() throws Exception {
        Router router = fixture.router().deployment(fixture.deployment("a", "whisper", port().answers("hello"))).build();

        assertThat(router.routeAsync(request("whisper"), CallOptions.defaults()).get(5, TimeUnit.SECONDS).value().text()).isEqualTo("hello");
    }

    @Test
    void anAsyncCallFailsWithTheTranscriptionExceptionItself() throws Exception {
        UpstreamUnavailable unavailable = new UpstreamUnavailable("503 from vendor", OptionalInt.of(503));
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().fails(unavailable)))
                .settings(RouterSettings.builder().numRetries(0).build())
                .build();

        Throwable failure = router.routeAsync(request("whisper"), CallOptions.defaults())
                .handle((transcription, thrown) -> thrown)
                .get(5, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOfSatisfying(TranscriptionException.class,
                e -> assertThat(e.failure()).isEqualTo(unavailable));
    }

    @Test
    void cancellingAnAsyncCallInterruptsTheRunningAttempt() throws Exception {
        ScriptedPort hanging = port().hangs();
        Router router = fixture.router().deployment(fixture.deployment("a", "whisper", hanging)).build();

        CompletableFuture<Routed<Transcription>> call = router.routeAsync(request("whisper"), CallOptions.defaults());
        assertThat(hanging.wasCalled(Duration.ofSeconds(5))).isTrue();
        call.cancel(true);

        assertThat(hanging.wasInterrupted(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void oneRouterServesManyConcurrentCalls() {
        ScriptedPort first = port().answers("a").repeats();
        ScriptedPort second = port().answers("b").repeats();
        Router router = Router.builder()
                .connector(fixture.connector)
                .deployment(fixture.deployment("a", "whisper", first))
                .deployment(fixture.deployment("b", "whisper", second))
                .build();

        List<CompletableFuture<Routed<Transcription>>> calls = IntStream.range(0, 2000)
                .mapToObj(i -> router.routeAsync(request("whisper"), CallOptions.defaults()))
                .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(first.calls() + second.calls()).isEqualTo(2000);
        assertThat(first.calls()).isBetween(800, 1200);
    }
}
