package dev.voxgate.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cached answers in a real Redis: shared by every store on it, expiring, and never a failure while Redis is away. */
class RedisResponseStoreTest {

    private static final Duration TIMEOUT = Duration.ofMillis(250);
    private static final byte[] ANSWER = "{\"text\":\"cached\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatOneStoreKeepsAnotherReadsUnderTheNamespaceWithItsTimeToLive() {
        try (RedisServer server = RedisServer.start();
             RedisResponseStore one = new RedisResponseStore(new RedisTarget.Server(server.uri()), "voxgate:cache:", TIMEOUT);
             RedisResponseStore other = new RedisResponseStore(new RedisTarget.Server(server.uri()), "voxgate:cache:", TIMEOUT)) {
            assertThat(other.get("abc")).isEmpty();

            one.put("abc", ANSWER, Duration.ofSeconds(90));

            assertThat(other.get("abc")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(ANSWER));
            RedisClient client = RedisClient.create(server.uri());
            try (StatefulRedisConnection<String, String> raw = client.connect()) {
                assertThat(raw.sync().pttl("voxgate:cache:abc")).isBetween(80_000L, 90_000L);
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void withRedisAwayReadsAreMissesWritesAreDroppedAndBothComeBackWithIt() throws InterruptedException {
        try (RedisServer server = RedisServer.start();
             RedisResponseStore store = new RedisResponseStore(new RedisTarget.Server(server.uri()), "voxgate:cache:", TIMEOUT)) {
            server.kill();

            long started = System.nanoTime();
            store.put("abc", ANSWER, Duration.ofSeconds(90));
            assertThat(store.get("abc")).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));

            server.restart();
            assertThat(awaitKept(store)).as("kept again within 10 s of Redis's return").isPresent();
        }
    }

    @Test
    void aRedisDownAtStartIsOnlyAMissUntilItIsUp() throws InterruptedException {
        try (RedisServer server = RedisServer.start()) {
            server.kill();
            try (RedisResponseStore store = new RedisResponseStore(new RedisTarget.Server(server.uri()), "voxgate:cache:", TIMEOUT)) {
                assertThat(store.get("abc")).isEmpty();

                server.restart();
                assertThat(awaitKept(store)).as("connected in the background within 10 s").isPresent();
            }
        }
    }

    // Reconnection runs in the background, a second apart: poll until a write is read back.
    private static Optional<byte[]> awaitKept(RedisResponseStore store) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Optional<byte[]> read = Optional.empty();
        while (read.isEmpty() && System.nanoTime() < deadline) {
            store.put("abc", ANSWER, Duration.ofSeconds(90));
            read = store.get("abc");
            if (read.isEmpty()) {
                Thread.sleep(100);
            }
        }
        return read;
    }
}
