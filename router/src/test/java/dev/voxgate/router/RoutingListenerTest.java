package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.RoutingListener.AttemptEnded;
import dev.voxgate.router.RoutingListener.AttemptStarted;
import dev.voxgate.router.RoutingListener.DeploymentRested;
import dev.voxgate.router.RoutingListener.FallbackTaken;
import dev.voxgate.router.RoutingListener.RequestEnded;
import dev.voxgate.router.state.FailureKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RoutingListenerTest {

    private static final RateLimited RATE_LIMITED = new RateLimited("429 slow down", Optional.of(Duration.ofSeconds(3)));
    private static final UpstreamUnavailable UNAVAILABLE = new UpstreamUnavailable("503 from vendor", OptionalInt.of(503));

    private final Fixture fixture = new Fixture();
    private final EventRecorder recorder = new EventRecorder();

    @Test
    void everyAttemptRestFallbackAndTheRequestsEndReachTheListenerInOrder() {
        Deployment a = fixture.deployment("a", "whisper", port().failsAfter(Duration.ofSeconds(1), fixture.clock,
                RATE_LIMITED));
        Deployment b = fixture.deployment("b", "whisper", port().failsAfter(Duration.ofSeconds(2), fixture.clock,
                UNAVAILABLE));
        Deployment c = fixture.deployment("c", "backup", port().answersAudio("from backup", 12.5));
        Router router = fixture.router().deployment(a).deployment(b).deployment(c).listener(recorder.listener())
                .settings(RouterSettings.builder().numRetries(1).fallback("whisper", List.of("backup")).build())
                .build();
        Instant start = fixture.clock.instant();

        Routed<Transcription> routed = router.route(request("whisper"), CallOptions.defaults());

        // a is rate-limited after 1 s and rests for its 5 s cooldown (longer than the 3 s Retry-After); the retry
        // goes to b, which fails after 2 s without resting (one failure); the fallback group answers.
        assertThat(recorder.events()).containsExactly(
                new AttemptStarted("whisper", a, false),
                new AttemptEnded("whisper", a, false, Duration.ofSeconds(1), Optional.of(RATE_LIMITED), Optional.empty(),
                        BigDecimal.ZERO),
                new DeploymentRested("whisper", a, start.plusSeconds(6), Duration.ofSeconds(5), RATE_LIMITED,
                        "RateLimitError rests a deployment at once when its group has others"),
                new AttemptStarted("whisper", b, false),
                new AttemptEnded("whisper", b, false, Duration.ofSeconds(2), Optional.of(UNAVAILABLE), Optional.empty(),
                        BigDecimal.ZERO),
                new FallbackTaken("whisper", "backup", UNAVAILABLE),
                new AttemptStarted("backup", c, false),
                // whisper-1 at $0.0001 a second, 12.5 s of audio.
                new AttemptEnded("backup", c, false, Duration.ZERO, Optional.empty(), Optional.of(12.5),
                        new BigDecimal("0.00125")),
                new RequestEnded(AudioTask.TRANSCRIBE, false, routed.report(), Optional.empty(), Optional.of(12.5)));
        assertThat(recorder.events(AttemptEnded.class)).extracting(AttemptEnded::failureKind).containsExactly(
                Optional.of(FailureKind.RATE_LIMIT), Optional.of(FailureKind.SERVER_ERROR), Optional.empty());
        assertThat(recorder.events(RequestEnded.class).getFirst().report().totalTime()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aFailedRequestEndsWithTheFailureItsCallerGetsAndARestSaysWhichRuleDecided() {
        Deployment only = fixture.deployment("a", "whisper", port().fails(UNAVAILABLE));
        Router router = fixture.router().deployment(only).listener(recorder.listener())
                .settings(RouterSettings.builder().numRetries(0).allowedFails(0).build())
                .build();

        assertThatThrownBy(() -> router.translate(request("whisper")))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> assertThat(
                        recorder.events(RequestEnded.class)).containsExactly(new RequestEnded(AudioTask.TRANSLATE,
                        false, e.report(), Optional.of(UNAVAILABLE), Optional.empty())));
        assertThat(recorder.events(DeploymentRested.class)).singleElement().satisfies(rest -> {
            assertThat(rest.until()).isEqualTo(fixture.clock.instant().plusSeconds(5));
            assertThat(rest.reason()).isEqualTo("failures this minute (1) exceed allowed_fails 0");
        });
    }

    @Test
    void anUnknownModelEndsTheRequestWithoutAnAttempt() {
        Router router = fixture.router().listener(recorder.listener()).build();

        assertThatThrownBy(() -> router.transcribe(request("gpt-9"))).isInstanceOf(RoutedTranscriptionException.class);

        assertThat(recorder.events()).singleElement().isInstanceOfSatisfying(RequestEnded.class, ended -> {
            assertThat(ended.failure()).containsInstanceOf(ModelNotFound.class);
            assertThat(ended.report().requestedModel()).isEqualTo("gpt-9");
            assertThat(ended.report().attempts()).isEmpty();
        });
    }

    @Test
    void mockTestingFallbacksTakesTheFallbackWithoutAnAttemptOnTheFirstGroup() {
        Deployment backup = fixture.deployment("b", "backup", port().answers("from backup"));
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port()))
                .deployment(backup)
                .settings(RouterSettings.builder().fallback("whisper", List.of("backup")).build())
                .listener(recorder.listener())
                .build();

        router.route(request("whisper"), CallOptions.builder().mockTestingFallbacks(true).build());

        assertThat(recorder.events(FallbackTaken.class)).singleElement().satisfies(fallback -> {
            assertThat(fallback.fromGroup()).isEqualTo("whisper");
            assertThat(fallback.toGroup()).isEqualTo("backup");
            assertThat(fallback.failure().message()).startsWith("This is a mock exception for model=whisper");
        });
        assertThat(recorder.events(AttemptStarted.class)).containsExactly(new AttemptStarted("backup", backup, false));
    }

    @Test
    void listenersAreCalledInTheOrderTheyWereAdded() {
        List<String> heard = new CopyOnWriteArrayList<>();
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("hello")))
                .listener(named("first", heard))
                .listener(named("second", heard))
                .build();

        router.transcribe(request("whisper"));

        assertThat(heard).containsExactly("first started", "second started", "first ended", "second ended",
                "first request", "second request");
    }

    @Test
    void aListenerThatThrowsNeitherFailsTheCallNorSilencesTheOthersAndIsLoggedOnce() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(RoutingListener.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = log.getLevel();
        log.addHandler(capture);
        log.setLevel(Level.ALL);
        IllegalStateException bug = new IllegalStateException("metrics bug");
        try {
            Router router = fixture.router()
                    .deployment(fixture.deployment("a", "whisper", port().answers("hello").repeats()))
                    .listener(new RoutingListener() {
                        @Override
                        public void attemptStarted(AttemptStarted event) {
                            throw bug;
                        }

                        @Override
                        public void requestEnded(RequestEnded event) {
                            throw bug;
                        }
                    })
                    .listener(recorder.listener())
                    .build();

            assertThat(router.transcribe(request("whisper")).text()).isEqualTo("hello");
            assertThat(router.transcribe(request("whisper")).text()).isEqualTo("hello");
        } finally {
            log.removeHandler(capture);
            log.setLevel(before);
        }

        assertThat(recorder.events(RequestEnded.class)).hasSize(2);
        assertThat(logged).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.FINE, Level.FINE,
                Level.FINE);
        assertThat(logged).allSatisfy(record -> assertThat(record.getThrown()).isSameAs(bug));
        assertThat(logged.getFirst().getMessage()).contains("threw from attemptStarted");
    }

    private static RoutingListener named(String name, List<String> heard) {
        return new RoutingListener() {
            @Override
            public void attemptStarted(AttemptStarted event) {
                heard.add(name + " started");
            }

            @Override
            public void attemptEnded(AttemptEnded event) {
                heard.add(name + " ended");
            }

            @Override
            public void requestEnded(RequestEnded event) {
                heard.add(name + " request");
            }
        };
    }
}
