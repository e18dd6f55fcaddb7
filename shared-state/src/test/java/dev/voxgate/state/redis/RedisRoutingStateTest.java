package dev.voxgate.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.LatencySample;
import dev.voxgate.router.state.RoutingState;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' states on one real Redis: what one does, the other sees and is held to. Their tallies are flushed
 * only when a test says so ({@link RedisRoutingState#flush}), so what each test asserts does not hang on timing.
 */
class RedisRoutingStateTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration NEVER = Duration.ofHours(1);
    private static final AttemptOutcome ANSWERED = new AttemptOutcome.Succeeded(Duration.ofMillis(80),
            OptionalDouble.of(2));
    private static RedisServer server;
    private static RedisLink<String> first;
    private static RedisLink<String> second;
    private static RedisClient rawClient;

    // A minute boundary far from now, so that no test's counts roll over mid-test.
    private final Instant now = Instant.parse("2026-12-07T10:00:05Z");
    private final String namespace = "test:" + System.nanoTime() + ":";
    private final RedisRoutingState one = state(first);
    private final RedisRoutingState other = state(second);

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
        first = link();
        second = link();
        rawClient = RedisClient.create(server.uri());
    }

    @AfterEach
    void closeStates() {
        one.close();
        other.close();
    }

    @AfterAll
    static void stopRedis() {
        first.close();
        second.close();
        rawClient.shutdown();
        server.close();
    }

    @Test
    void rpmHoldsAcrossReplicas() {
        DeploymentLimits rpm = new DeploymentLimits(Optional.empty(), Optional.of(3), Optional.empty());

        long admitted = IntStream.range(0, 10).filter(i -> (i % 2 == 0 ? one : other).tryStart("d", now, rpm)).count();

        assertThat(admitted).isEqualTo(3);
        assertThat(other.usage(List.of("d"), now).get("d").requestsThisMinute()).isEqualTo(3);
        assertThat(one.tryStart("d", now.plusSeconds(60), rpm)).as("a new minute").isTrue();
    }

    @Test
    void parallelSlotsAreSharedAndAFinishFreesOne() {
        DeploymentLimits two = new DeploymentLimits(Optional.of(2), Optional.empty(), Optional.empty());

        assertThat(one.tryStart("d", now, two)).isTrue();
        assertThat(other.tryStart("d", now, two)).isTrue();
        assertThat(one.tryStart("d", now, two)).isFalse();
        assertThat(other.usage(List.of("d"), now).get("d").inFlight()).isEqualTo(2);

        other.finish("d", now, new AttemptOutcome.Abandoned());

        assertThat(one.tryStart("d", now, two)).isTrue();
    }

    @Test
    void anAttemptEndedWithoutWaitingIsEndedBeforeTheReplicasNextCommand() {
        DeploymentLimits one = new DeploymentLimits(Optional.of(1), Optional.empty(), Optional.empty());
        assertThat(this.one.tryStart("d", now, one)).isTrue();

        this.one.end("d", now, new AttemptOutcome.Succeeded(Duration.ofMillis(80), OptionalDouble.of(4)));

        assertThat(this.one.tryStart("d", now, one)).isTrue();
        assertThat(this.one.usage(List.of("d"), now).get("d").audioSecondsThisMinute()).isEqualTo(4);
    }

    @Test
    void theSlotsOfAReplicaThatDiedComeFreeWhenTheirLeaseEnds() {
        DeploymentLimits two = new DeploymentLimits(Optional.of(2), Optional.empty(), Optional.empty());
        one.tryStart("d", now, two);
        one.tryStart("d", now, two);

        assertThat(other.tryStart("d", now.plus(LEASE).minusMillis(1), two)).isFalse();
        assertThat(other.tryStart("d", now.plus(LEASE), two)).isTrue();
    }

    @Test
    void noReplicaStartsAnAttemptOnALimitedDeploymentAnotherRestedUntilTheRestEnds() {
        DeploymentLimits rpm = new DeploymentLimits(Optional.empty(), Optional.of(100), Optional.empty());
        one.rest("d", now.plusSeconds(5));

        // The start script reads the rest itself: no wait for the message.
        assertThat(other.tryStart("d", now.plusSeconds(4), rpm)).isFalse();
        assertThat(other.usage(List.of("d"), now).get("d").requestsThisMinute()).as("nothing counted").isZero();
        assertThat(other.tryStart("d", now.plusSeconds(5), rpm)).isTrue();
    }

    @Test
    void aRestAnotherReplicaMadeStopsStartsHereWithinAHundredMillisecondsThroughItsMessage() {
        DeploymentLimits none = DeploymentLimits.none();
        assertThat(other.tryStart("d", now, none)).isTrue();
        other.end("d", now, ANSWERED);

        one.rest("d", now.plusSeconds(5));
        long rested = System.nanoTime();
        while (other.tryStart("d", now, none)) {
            other.end("d", now, new AttemptOutcome.Abandoned());
            assertThat(Duration.ofNanos(System.nanoTime() - rested)).as("still starting")
                    .isLessThan(Duration.ofMillis(100));
        }

        assertThat(other.tryStart("d", now.plusSeconds(4), none)).isFalse();
        assertThat(other.tryStart("d", now.plusSeconds(5), none)).as("the rest is over").isTrue();
    }

    @Test
    void aRestWhoseMessageWasMissedIsLearntFromTheNextFlush() {
        // Written past rest.lua, as if this replica's subscription had been down when it was published.
        try (StatefulRedisConnection<String, String> raw = raw()) {
            raw.sync().psetex(namespace + "{d}:rest", 60_000, Long.toString(now.plusSeconds(5).toEpochMilli()));
        }
        assertThat(other.tryStart("d", now, DeploymentLimits.none())).as("not known yet").isTrue();
        other.end("d", now, ANSWERED);

        other.flush();

        assertThat(other.tryStart("d", now, DeploymentLimits.none())).isFalse();
    }

    @Test
    void attemptsWithoutLimitsWaitOnNoCommandAndOneFlushSendsThemAllInOneScriptCall() {
        long before = scriptCalls();
        for (int i = 0; i < 100; i++) {
            assertThat(one.tryStart("d", now, DeploymentLimits.none())).isTrue();
            one.end("d", now, ANSWERED);
        }
        assertThat(scriptCalls() - before).as("scripts run for 100 attempts").isZero();

        one.flush();

        assertThat(scriptCalls() - before).as("after the flush").isEqualTo(1);
        DeploymentUsage usage = other.usage(List.of("d"), now).get("d");
        assertThat(usage.requestsThisMinute()).isEqualTo(100);
        assertThat(usage.audioSecondsThisMinute()).isEqualTo(200);
        assertThat(usage.inFlight()).isZero();
        assertThat(usage.latencies()).hasSize(RoutingState.LATENCY_SAMPLES)
                .allSatisfy(sample -> assertThat(sample.latency()).isEqualTo(Duration.ofMillis(80)));
    }

    @Test
    void whatAReplicaHasNotFlushedIsInItsOwnReadingsAndOnceInEveryReadingAfterTheFlush() {
        for (int i = 0; i < 3; i++) {
            one.tryStart("d", now, DeploymentLimits.none());
        }
        one.end("d", now, ANSWERED);
        DeploymentUsage expected = new DeploymentUsage(2, 3, 0, 2, List.of(
                new LatencySample(now, Duration.ofMillis(80), OptionalDouble.of(2))));

        assertThat(one.usage(List.of("d"), now).get("d")).isEqualTo(expected);
        assertThat(other.usage(List.of("d"), now).get("d")).as("not flushed yet").isEqualTo(DeploymentUsage.idle());

        one.flush();

        assertThat(other.usage(List.of("d"), now).get("d")).isEqualTo(expected);
        assertThat(one.usage(List.of("d"), now).get("d")).as("counted once").isEqualTo(expected);
    }

    @Test
    void theBackgroundFlushSharesCountsWithinAFewFlushIntervals() {
        try (RedisLink<String> own = link();
             RedisRoutingState flushing = new RedisRoutingState(own, namespace, id -> LEASE,
                     InstantSource.fixed(now))) {
            flushing.tryStart("d", now, DeploymentLimits.none());
            flushing.end("d", now, ANSWERED);
            long started = System.nanoTime();

            while (other.usage(List.of("d"), now).get("d").requestsThisMinute() == 0) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void theInFlightCountOfAReplicaThatDiedExpiresALeaseAfterItWasLastFlushed() {
        one.tryStart("d", now, DeploymentLimits.none());
        one.tryStart("d", now, DeploymentLimits.none());
        one.flush();

        assertThat(other.usage(List.of("d"), now.plus(LEASE).minusMillis(1)).get("d").inFlight()).isEqualTo(2);
        assertThat(other.usage(List.of("d"), now.plus(LEASE)).get("d").inFlight()).isZero();
    }

    @Test
    void aRestIsSeenByEveryReplicaUntilItEndsAndALaterRestWins() {
        one.rest("d", now.plusSeconds(5));
        other.rest("d", now.plusSeconds(3));

        assertThat(other.restingUntil(List.of("d", "e"), now)).containsOnlyKeys("d")
                .containsEntry("d", now.plusSeconds(5));
        assertThat(one.restingUntil(List.of("d"), now.plusSeconds(5))).isEmpty();
    }

    @Test
    void outcomesAreCountedByKindAndSuccessesLeaveLatencyAndAudioSeconds() {
        DeploymentLimits none = DeploymentLimits.none();
        one.tryStart("d", now, none);
        other.tryStart("d", now, none);
        one.tryStart("d", now, none);

        one.finish("d", now, new AttemptOutcome.Failed(FailureKind.RATE_LIMIT));
        MinuteCounts counts = other.finish("d", now, new AttemptOutcome.Failed(FailureKind.RATE_LIMIT));
        one.finish("d", now, new AttemptOutcome.Succeeded(Duration.ofMillis(420), OptionalDouble.of(2.5)));

        assertThat(counts).isEqualTo(new MinuteCounts(3, 2, 2));
        DeploymentUsage usage = other.usage(List.of("d"), now).get("d");
        assertThat(usage.inFlight()).isZero();
        assertThat(usage.failuresThisMinute()).isEqualTo(2);
        assertThat(usage.audioSecondsThisMinute()).isEqualTo(2.5);
        assertThat(usage.latencies()).singleElement().satisfies(sample -> {
            assertThat(sample.latency()).isEqualTo(Duration.ofMillis(420));
            assertThat(sample.audioSeconds()).hasValue(2.5);
        });
    }

    @Test
    void tpmCountsAudioSecondsAcrossReplicas() {
        DeploymentLimits tpm = new DeploymentLimits(Optional.empty(), Optional.empty(), Optional.of(10));
        one.tryStart("d", now, tpm);
        one.finish("d", now, new AttemptOutcome.Succeeded(Duration.ofMillis(5), OptionalDouble.of(10)));

        assertThat(other.tryStart("d", now, tpm)).isFalse();
    }

    @Test
    void aSnapshotReadsRestsAndUsageOfEveryDeploymentAsTheirOwnReadsDo() {
        one.rest("a", now.plusSeconds(5));
        one.tryStart("b", now, DeploymentLimits.none());
        one.flush();

        var snapshot = other.snapshot(List.of("a", "b"), now);

        assertThat(snapshot.restingUntil()).isEqualTo(other.restingUntil(List.of("a", "b"), now))
                .containsOnlyKeys("a");
        assertThat(snapshot.usage().get("b").inFlight()).isEqualTo(1);
        assertThat(snapshot.usage().get("a")).isEqualTo(DeploymentUsage.idle());
    }

    @Test
    void aDeploymentNeverUsedIsIdle() {
        assertThat(one.usage(List.of("never"), now).get("never")).isEqualTo(DeploymentUsage.idle());
    }

    private RedisRoutingState state(RedisLink<String> link) {
        return new RedisRoutingState(link, namespace, id -> LEASE, InstantSource.fixed(now), NEVER);
    }

    private static StatefulRedisConnection<String, String> raw() {
        return rawClient.connect();
    }

    // Every script run on the server so far, by its SHA or its body.
    private static long scriptCalls() {
        try (StatefulRedisConnection<String, String> raw = raw()) {
            Matcher calls = Pattern.compile("cmdstat_eval(?:sha)?:calls=(\\d+)")
                    .matcher(raw.sync().info("commandstats"));
            long total = 0;
            while (calls.find()) {
                total += Long.parseLong(calls.group(1));
            }
            return total;
        }
    }

    private static RedisLink<String> link() {
        return new RedisLink<>(new RedisTarget.Server(server.uri()), StringCodec.UTF8, Duration.ofSeconds(2), Duration.ofSeconds(1), "test",
                "failing the test", RedisRoutingState::loadScripts);
    }
}
