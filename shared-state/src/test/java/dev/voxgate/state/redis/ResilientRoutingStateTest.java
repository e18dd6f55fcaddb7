package dev.voxgate.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Redis away at start, lost mid-run and back again: every call is answered, and sharing resumes by itself. */
class ResilientRoutingStateTest {

    private static final DeploymentLimits ONE_AT_A_TIME = new DeploymentLimits(Optional.of(1), Optional.empty(),
            Optional.empty());
    private static final Duration PROBE = Duration.ofMillis(50);

    private final Instant now = Instant.now();

    @Test
    void aRedisGoneIsNoticedByTheNextFlushThoughNoCallWaitsOnItAndEveryCallIsServed() {
        try (RedisServer server = RedisServer.start();
             ResilientRoutingState state = state(server);
             ResilientRoutingState other = state(server)) {
            assertThat(state.tryStart("d", now, DeploymentLimits.none())).isTrue();
            server.kill();

            state.end("d", now, new AttemptOutcome.Abandoned());
            long killed = System.nanoTime();
            while (state.shared()) {
                assertThat(state.tryStart("d", now, DeploymentLimits.none())).isTrue();
                state.end("d", now, new AttemptOutcome.Abandoned());
                assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("noticed")
                        .isLessThan(Duration.ofSeconds(1));
                pause();
            }
            assertThat(state.tryStart("d", now, DeploymentLimits.none())).as("on local state").isTrue();
            state.end("d", now, new AttemptOutcome.Abandoned());

            server.restart();
            awaitShared(state);
            awaitShared(other);
            assertThat(state.tryStart("d", now, DeploymentLimits.none())).isTrue();
            long started = System.nanoTime();
            while (other.usage(List.of("d"), now).get("d").inFlight() == 0) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("shared again")
                        .isLessThan(Duration.ofSeconds(2));
                pause();
            }
        }
    }

    @Test
    void withRedisGoneCallsRunOnLocalStateAndSharingResumesWhenItIsBack() {
        try (RedisServer server = RedisServer.start();
             ResilientRoutingState one = state(server);
             ResilientRoutingState other = state(server)) {
            assertThat(one.shared()).isTrue();
            assertThat(one.tryStart("d", now, ONE_AT_A_TIME)).isTrue();
            assertThat(other.tryStart("d", now, ONE_AT_A_TIME)).as("the slot is shared").isFalse();

            server.kill();

            // The attempt begun in Redis ends without Redis; each replica now keeps its own count.
            one.finish("d", now, new AttemptOutcome.Abandoned());
            assertThat(one.tryStart("d", now, ONE_AT_A_TIME)).isTrue();
            assertThat(other.tryStart("d", now, ONE_AT_A_TIME)).isTrue();
            assertThat(one.shared()).isFalse();
            assertThat(other.shared()).isFalse();
            one.finish("d", now, new AttemptOutcome.Abandoned());
            other.finish("d", now, new AttemptOutcome.Abandoned());

            server.restart();
            awaitShared(one);
            awaitShared(other);

            assertThat(one.tryStart("d", now, ONE_AT_A_TIME)).isTrue();
            assertThat(other.tryStart("d", now, ONE_AT_A_TIME)).as("shared again").isFalse();
        }
    }

    @Test
    void aRedisDownAtStartIsNoReasonNotToServe() {
        try (RedisServer server = RedisServer.start()) {
            server.kill();
            try (ResilientRoutingState state = state(server)) {
                assertThat(state.shared()).isFalse();
                assertThat(state.tryStart("d", now, ONE_AT_A_TIME)).isTrue();
                assertThat(state.tryStart("d", now, ONE_AT_A_TIME)).isFalse();
                state.rest("d", now.plusSeconds(5));
                assertThat(state.restingUntil(List.of("d"), now)).containsKey("d");

                server.restart();
                awaitShared(state);
                assertThat(state.restingUntil(List.of("d"), now)).as("Redis starts empty").isEmpty();
            }
        }
    }

    private static ResilientRoutingState state(RedisServer server) {
        return new ResilientRoutingState(new RedisTarget.Server(server.uri()), "resilient:" + server.hashCode() + ":",
                id -> Duration.ofSeconds(30), Duration.ofMillis(500), PROBE, InstantSource.system());
    }

    // Polls what a background probe does; the test itself waits on no clock.
    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // The probe runs every 50 ms; a reconnect takes a few of them.
    private static void awaitShared(ResilientRoutingState state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!state.shared() && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(state.shared()).as("shared again within 10 s").isTrue();
    }
}
