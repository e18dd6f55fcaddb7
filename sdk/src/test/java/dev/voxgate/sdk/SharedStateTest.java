package dev.voxgate.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.config.RedisSettings;
import dev.voxgate.core.model.Secret;
import dev.voxgate.state.redis.RedisTarget;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Redis a config names, as Lettuce is given it: every URL form, with the password where the config put it. */
class SharedStateTest {

    @Test
    void aHostPortAndPasswordMakeAStandaloneServer() {
        RedisURI uri = SharedState.uri(new RedisSettings(Optional.empty(), Optional.of("cache.internal"),
                Optional.of(6380), Optional.of(Secret.of("p@ss word"))));

        assertThat(uri.getHost()).isEqualTo("cache.internal");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(password(uri)).isEqualTo("p@ss word");
        assertThat(uri.getTimeout()).isEqualTo(SharedState.COMMAND_TIMEOUT);
    }

    @Test
    void aSentinelUrlKeepsItsSentinelsAndMasterAndTakesTheSeparatePassword() {
        RedisURI uri = SharedState.uri(new RedisSettings(Optional.of(Secret.of(
                "redis-sentinel://127.0.0.1:26390,127.0.0.1:26391#mymaster")), Optional.empty(), Optional.empty(),
                Optional.of(Secret.of("s3cret"))));

        assertThat(uri.getSentinelMasterId()).isEqualTo("mymaster");
        assertThat(uri.getSentinels()).extracting(RedisURI::getPort).containsExactly(26390, 26391);
        assertThat(password(uri)).isEqualTo("s3cret");
    }

    @Test
    void aUrlWithItsOwnCredentialsKeepsThem() {
        RedisURI uri = SharedState.uri(new RedisSettings(Optional.of(Secret.of("rediss://:own@cache:6379/2")),
                Optional.empty(), Optional.empty(), Optional.of(Secret.of("other"))));

        assertThat(uri.isSsl()).isTrue();
        assertThat(uri.getDatabase()).isEqualTo(2);
        assertThat(password(uri)).isEqualTo("own");
    }

    @Test
    void clusterNodesMakeAClusterTargetWithThePasswordOnEveryNode() {
        RedisTarget target = SharedState.target(new RedisSettings(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Secret.of("pw")), java.util.List.of("10.0.0.1:7001", "10.0.0.2:7002")));

        assertThat(target).isInstanceOfSatisfying(RedisTarget.Cluster.class, cluster -> {
            assertThat(cluster.nodes()).extracting(RedisURI::getPort).containsExactly(7001, 7002);
            assertThat(cluster.nodes()).allSatisfy(node -> assertThat(password(node)).isEqualTo("pw"));
        });
        assertThat(target.describe()).isEqualTo("cluster 10.0.0.1:7001,10.0.0.2:7002").doesNotContain("pw");
    }

    private static String password(RedisURI uri) {
        RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
        return new String(credentials.getPassword());
    }
}
