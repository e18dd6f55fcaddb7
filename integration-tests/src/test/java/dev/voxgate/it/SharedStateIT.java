package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.state.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas on one real Redis (proxy processes, or proxies in this JVM each with its own router and connection) share
 * limits, rests and in-flight slots; a replica that dies frees its slots by their
 * leases; Redis going away never fails a request, and sharing resumes when it is back.
 */
class SharedStateIT {

    @TempDir
    Path dir;

    @Test
    void rpmHoldsAcrossThreeProxyProcesses() throws Exception {
        Path config = config("rpm: 12");
        try (RedisServer redis = RedisServer.start();
             CountingVendor vendor = CountingVendor.answering(Duration.ZERO);
             ProxyProcess first = ProxyProcess.start(config, environment(redis, vendor));
             ProxyProcess second = ProxyProcess.start(config, environment(redis, vendor));
             ProxyProcess third = ProxyProcess.start(config, environment(redis, vendor))) {
            List<String> replicas = new ArrayList<>();
            for (ProxyProcess process : List.of(first, second, third)) {
                replicas.add("http://127.0.0.1:" + process.awaitPort(Duration.ofSeconds(90)));
            }
            awaitFreshMinute();

            List<ProxyClients.Answer> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answers.add(postTranscription(replicas.get(i % 3), "/v1/audio/transcriptions", null, Examples.audio(),
                        fields("model", "speech"), Map.of()));
            }

            assertThat(vendor.requests()).isEqualTo(12);
            assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(12);
            assertThat(answers).filteredOn(answer -> answer.status() != 200).hasSize(18)
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).isEqualTo(429);
                        assertThat(answer.retryAfter()).isNotBlank();
                    });
        }
    }

    @Test
    void aDeploymentOneReplicaSawRefuseRestsForEveryReplica() throws Exception {
        try (RedisServer redis = RedisServer.start();
             CountingVendor refusing = CountingVendor.refusing(5);
             CountingVendor healthy = CountingVendor.answering(Duration.ZERO);
             Replicas replicas = Replicas.start(3, TestFiles.config(dir, "rest.yaml", """
                     model_list:
                       - model_name: speech
                         litellm_params: {model: openai/whisper-1, api_base: os.environ/REFUSING_BASE}
                         model_info: {id: refusing}
                       - model_name: speech
                         litellm_params: {model: openai/whisper-1, api_base: os.environ/HEALTHY_BASE}
                         model_info: {id: healthy}
                     router_settings: {num_retries: 2, retry_after: 0}
                     """), Map.of("OPENAI_API_KEY", "sk-fake", "REDIS_URL", redis.url(),
                     "REFUSING_BASE", refusing.baseUrl(), "HEALTHY_BASE", healthy.baseUrl()))) {
            while (refusing.requests() == 0) {
                assertThat(transcribe(replicas.get(0)).status()).isEqualTo(200);
            }
            Instant rested = Instant.now();

            for (int i = 0; i < 20 && Duration.between(rested, Instant.now()).toMillis() < 4000; i++) {
                assertThat(transcribe(replicas.get(1 + i % 2)).status()).isEqualTo(200);
            }

            assertThat(refusing.requests()).as("the others sent the resting deployment nothing").isEqualTo(1);
        }
    }

    @Test
    void parallelSlotsAreSharedByEveryReplica() throws Exception {
        try (RedisServer redis = RedisServer.start();
             CountingVendor slow = CountingVendor.answering(Duration.ofSeconds(1));
             Replicas replicas = Replicas.start(3, config("max_parallel_requests: 2"), environment(redis, slow));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<ProxyClients.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                RunningProxy replica = replicas.get(i % 3);
                calls.add(CompletableFuture.supplyAsync(() -> transcribe(replica), callers));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(ProxyClients.Answer::status)
                    .toList();

            assertThat(slow.mostInHand()).isLessThanOrEqualTo(2);
            assertThat(statuses).contains(200).containsOnly(200, 429);
        }
    }

    @Test
    void theSlotsOfAKilledReplicaComeFreeWhenTheirLeasesEnd() throws Exception {
        Path config = config("max_parallel_requests: 2, timeout: 2");
        try (RedisServer redis = RedisServer.start();
             CountingVendor vendor = CountingVendor.holdingFirst(2, "held");
             ProxyProcess doomed = ProxyProcess.start(config, environment(redis, vendor));
             RunningProxy survivor = RunningProxy.start(config, environment(redis, vendor));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            String doomedUrl = "http://127.0.0.1:" + doomed.awaitPort(Duration.ofSeconds(90));
            for (int i = 0; i < 2; i++) {
                callers.submit(() -> postTranscription(doomedUrl, "/v1/audio/transcriptions", null, Examples.audio(),
                        fields("model", "speech"), Map.of()));
            }
            assertThat(vendor.awaitHeld(Duration.ofSeconds(10))).as("both uploads reached the vendor").isTrue();

            doomed.kill();
            Instant killed = Instant.now();
            assertThat(transcribe(survivor).status()).as("both slots are still leased").isEqualTo(429);

            ProxyClients.Answer answer = transcribe(survivor);
            while (answer.status() == 429 && Duration.between(killed, Instant.now()).toSeconds() < 20) {
                Thread.sleep(250);
                answer = transcribe(survivor);
            }
            // The lease is the attempt's timeout (2 s) and a 5 s margin.
            assertThat(answer.status()).isEqualTo(200);
            assertThat(Duration.between(killed, Instant.now())).isBetween(Duration.ofSeconds(4),
                    Duration.ofSeconds(9));
        }
    }

    @Test
    void redisGoingAwayFailsNoRequestAndSharingResumesWhenItIsBack() throws Exception {
        try (RedisServer redis = RedisServer.start();
             CountingVendor vendor = CountingVendor.answering(Duration.ZERO);
             Replicas replicas = Replicas.start(3, TestFiles.config(dir, "two.yaml", """
                     model_list:
                       - model_name: speech
                         litellm_params: {model: openai/whisper-1, api_base: os.environ/VENDOR_BASE}
                         model_info: {id: open}
                       - model_name: limited
                         litellm_params: {model: openai/whisper-1, api_base: os.environ/VENDOR_BASE, rpm: 6}
                         model_info: {id: limited}
                     router_settings: {num_retries: 0}
                     """), environment(redis, vendor))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                if (i == 30) {
                    redis.kill();
                }
                statuses.add(transcribe(replicas.get(i % 3)).status());
            }
            assertThat(statuses).containsOnly(200).hasSize(100);
            assertThat(metrics(replicas.get(0))).contains("voxgate_shared_state_up 0.0");

            redis.restart();
            awaitShared(redis, replicas);
            assertThat(metrics(replicas.get(0))).contains("voxgate_shared_state_up 1.0");
            awaitFreshMinute();
            int before = vendor.requests();
            for (int i = 0; i < 15; i++) {
                postTranscription(replicas.get(i % 3), "/v1/audio/transcriptions", null, Examples.audio(),
                        fields("model", "limited"));
            }
            assertThat(vendor.requests() - before).as("rpm 6 shared again").isEqualTo(6);
        }
    }

    // Each replica's next call is counted in Redis once it shares state again (a probe a second, a fresh connection),
    // by the replica's next flush of its counts (every 25 ms).
    private static void awaitShared(RedisServer redis, Replicas replicas) throws InterruptedException {
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            for (int i = 0; i < 3; i++) {
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (true) {
                    String minuteKey = "voxgate:{open}:m:" + Math.floorDiv(Instant.now().getEpochSecond(), 60);
                    long before = requests(connection, minuteKey);
                    transcribe(replicas.get(i));
                    if (counted(connection, minuteKey, before)) {
                        break;
                    }
                    assertThat(System.nanoTime()).as("replica %d shares state again within 15 s", i)
                            .isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static String metrics(RunningProxy replica) {
        return ProxyClients.call(new okhttp3.Request.Builder().url(replica.baseUrl() + "/metrics").build()).body();
    }

    private static boolean counted(StatefulRedisConnection<String, String> connection, String minuteKey, long before)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (requests(connection, minuteKey) <= before) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static long requests(StatefulRedisConnection<String, String> connection, String minuteKey) {
        String count = connection.sync().hget(minuteKey, "req");
        return count == null ? 0 : Long.parseLong(count);
    }

    // A test that counts against rpm must run inside one calendar minute, as the limit does.
    private static void awaitFreshMinute() throws InterruptedException {
        int second = Instant.now().atZone(java.time.ZoneOffset.UTC).getSecond();
        if (second > 54) {
            Thread.sleep((61 - second) * 1000L);
        }
    }

    private Path config(String limits) {
        return TestFiles.config(dir, "shared.yaml", """
                model_list:
                  - model_name: speech
                    litellm_params: {model: openai/whisper-1, api_base: os.environ/VENDOR_BASE, %s}
                    model_info: {id: shared}
                router_settings: {num_retries: 0}
                """.formatted(limits));
    }

    private static Map<String, String> environment(RedisServer redis, CountingVendor vendor) {
        return Map.of("OPENAI_API_KEY", "sk-fake", "REDIS_URL", redis.url(), "VENDOR_BASE", vendor.baseUrl());
    }

    private static ProxyClients.Answer transcribe(RunningProxy replica) {
        return postTranscription(replica, "/v1/audio/transcriptions", null, Examples.audio(), fields("model", "speech"));
    }

    /** Proxies in this JVM, each with its own router, state connection and port, as replicas behind a balancer. */
    private record Replicas(List<RunningProxy> proxies) implements AutoCloseable {

        static Replicas start(int count, Path config, Map<String, String> environment) {
            List<RunningProxy> proxies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                proxies.add(RunningProxy.start(config, environment));
            }
            return new Replicas(proxies);
        }

        RunningProxy get(int index) {
            return proxies.get(index);
        }

        @Override
        public void close() {
            proxies.forEach(RunningProxy::close);
        }
    }
}
