package dev.voxgate.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shared state on a real three-node Redis Cluster: each deployment's keys in one slot, spread over the nodes. */
class RedisClusterStateTest {

    private final Instant now = Instant.parse("2026-12-07T10:00:05Z");

    @Test
    void replicasOnACLusterShareLimitsRestsAndUsageOfDeploymentsOnEveryNode() {
        List<RedisServer> nodes = RedisServer.cluster(3);
        RedisTarget cluster = new RedisTarget.Cluster(nodes.stream().map(RedisServer::uri).toList());
        try (RedisLink<String> first = link(cluster); RedisLink<String> second = link(cluster)) {
            RedisRoutingState one = new RedisRoutingState(first, "c:", id -> Duration.ofSeconds(30),
                    InstantSource.fixed(now));
            RedisRoutingState other = new RedisRoutingState(second, "c:", id -> Duration.ofSeconds(30),
                    InstantSource.fixed(now));
            DeploymentLimits rpm = new DeploymentLimits(Optional.empty(), Optional.of(2), Optional.empty());
            // Ten deployments: their {id} hash tags fall in slots of all three nodes.
            List<String> ids = IntStream.range(0, 10).mapToObj(i -> "deployment-" + i).toList();

            for (String id : ids) {
                assertThat(one.tryStart(id, now, rpm)).isTrue();
                assertThat(other.tryStart(id, now, rpm)).isTrue();
                assertThat(one.tryStart(id, now, rpm)).as(id).isFalse();
                other.end(id, now, new AttemptOutcome.Succeeded(Duration.ofMillis(5), OptionalDouble.of(1)));
            }
            one.rest("deployment-3", now.plusSeconds(5));
            // Published from the node of its slot, heard through the other replica's subscription on any node.
            one.rest("unlimited", now.plusSeconds(5));
            long rested = System.nanoTime();
            while (other.tryStart("unlimited", now, DeploymentLimits.none())) {
                other.end("unlimited", now, new AttemptOutcome.Abandoned());
                assertThat(Duration.ofNanos(System.nanoTime() - rested)).isLessThan(Duration.ofMillis(100));
            }

            var snapshot = other.snapshot(ids, now);
            assertThat(snapshot.restingUntil()).containsOnlyKeys("deployment-3");
            assertThat(snapshot.usage().values()).allSatisfy(usage -> {
                assertThat(usage.requestsThisMinute()).isEqualTo(2);
                assertThat(usage.inFlight()).isEqualTo(1);
            });
            assertThat(nodes.stream().map(RedisServer::uri).map(RedisURI::getPort).distinct()).hasSize(3);

            // Without limits the counts go with a flush: one script per slot, as a script over several is refused.
            List<String> open = IntStream.range(0, 10).mapToObj(i -> "open-" + i).toList();
            for (String id : open) {
                assertThat(one.tryStart(id, now, DeploymentLimits.none())).isTrue();
                one.end(id, now, new AttemptOutcome.Succeeded(Duration.ofMillis(5), OptionalDouble.of(1)));
            }
            one.flush();
            assertThat(other.usage(open, now).values()).allSatisfy(usage -> {
                assertThat(usage.requestsThisMinute()).isEqualTo(1);
                assertThat(usage.audioSecondsThisMinute()).isEqualTo(1);
            });
        } finally {
            nodes.forEach(RedisServer::close);
        }
    }

    private static RedisLink<String> link(RedisTarget cluster) {
        return new RedisLink<>(cluster, StringCodec.UTF8, Duration.ofSeconds(2), Duration.ofSeconds(1), "test",
                "failing the test", RedisRoutingState::loadScripts);
    }
}
