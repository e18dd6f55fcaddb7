package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.state.redis.RedisServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LiteLLM's response cache ({@code litellm_settings.cache: true}): the same file asked again is answered without a
 * vendor call, marked as a hit and costing nothing, in memory or, across replicas, in a real Redis; what changes the
 * answer is a new call, and failures, streams and {@code no-cache} requests are never answered from it.
 */
class ResponseCacheIT {

    private static final String TRANSCRIPT = "Four score and seven years ago";

    @TempDir
    Path dir;

    @Test
    void theSameFileTwiceIsOneVendorCallAndTheSecondAnswerAHitThatCostsNothing() {
        Path audio = TestFiles.tone(dir, "three.wav", 3);
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config("{type: local, ttl: 600}"), environment(vendor))) {
            ProxyClients.Answer first = transcribe(proxy, audio, "language", "en");
            ProxyClients.Answer second = transcribe(proxy, audio, "language", "en");

            assertThat(vendor.seen()).hasSize(1);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.header("x-voxgate-cache-hit")).isEqualTo("false");
            assertThat(new BigDecimal(first.header("x-voxgate-response-cost"))).isEqualByComparingTo("0.0003");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.header("x-voxgate-cache-hit")).isEqualTo("true");
            assertThat(second.header("x-voxgate-response-cost")).isEqualTo("0");
            assertThat(second.header("x-litellm-response-cost")).isEqualTo("0");
            assertThat(second.header("x-voxgate-model-group")).isEqualTo("speech");
            assertThat(second.contentType()).isEqualTo(first.contentType());
            assertThat(second.body()).isEqualTo(first.body()).contains(TRANSCRIPT);

            assertThat(transcribe(proxy, audio, "language", "de").header("x-voxgate-cache-hit")).isEqualTo("false");
            assertThat(vendor.seen()).as("another language is another answer").hasSize(2);
            assertThat(transcribe(proxy, TestFiles.tone(dir, "four.wav", 4), "language", "en")
                    .header("x-voxgate-cache-hit")).isEqualTo("false");
            assertThat(vendor.seen()).as("another file is another answer").hasSize(3);
            ProxyClients.Answer asText = transcribe(proxy, audio, "language", "en", "response_format", "text");
            assertThat(vendor.seen()).as("another format is another answer").hasSize(4);
            assertThat(transcribe(proxy, audio, "language", "en", "response_format", "text").body())
                    .isEqualTo(asText.body());
            assertThat(vendor.seen()).hasSize(4);

            assertThat(metrics(proxy)).contains("voxgate_cache_requests_total{result=\"hit\"} 2.0")
                    .contains("voxgate_cache_requests_total{result=\"miss\"} 4.0");
        }
    }

    @Test
    void noCacheAsksTheVendorAgainAndAFailureIsNeverKept() {
        Path audio = TestFiles.tone(dir, "one.wav", 1);
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config("{type: local}"), environment(vendor))) {
            vendor.failTimes(1, 400, "{\"error\":{\"message\":\"Audio file might be corrupted\","
                    + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
            assertThat(transcribe(proxy, audio).status()).isEqualTo(400);

            assertThat(transcribe(proxy, audio).header("x-voxgate-cache-hit")).as("the failure was not kept")
                    .isEqualTo("false");
            assertThat(vendor.seen()).hasSize(2);
            assertThat(transcribe(proxy, audio).header("x-voxgate-cache-hit")).isEqualTo("true");

            ProxyClients.Answer noCache = postTranscription(proxy, "/v1/audio/transcriptions", null, audio,
                    fields("model", "speech"), Map.of("Cache-Control", "no-cache"));
            assertThat(noCache.status()).isEqualTo(200);
            assertThat(noCache.header("x-voxgate-cache-hit")).isNull();
            assertThat(vendor.seen()).hasSize(3);
            transcribe(proxy, audio, "metadata", "{\"cache\": {\"no-cache\": true}}");
            assertThat(vendor.seen()).as("LiteLLM's no-cache in metadata").hasSize(4);

            vendor.releaseStream();
            for (int i = 0; i < 2; i++) {
                assertThat(transcribe(proxy, audio, "stream", "true").status()).isEqualTo(200);
            }
            assertThat(vendor.seen()).as("streams are neither answered from the cache nor kept").hasSize(6);
        }
    }

    @Test
    void withARedisCacheAnAnswerOneReplicaKeptIsAHitOnTheOtherAndRedisGoneIsOnlyAMiss() {
        Path audio = TestFiles.tone(dir, "two.wav", 2);
        try (RedisServer redis = RedisServer.start();
             FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT)) {
            Map<String, String> environment = Map.of("OPENAI_API_KEY", "sk-fake", "VENDOR_BASE", vendor.baseUrl(),
                    "REDIS_URL", redis.url());
            Path config = config("{type: redis}");
            try (RunningProxy one = RunningProxy.start(config, environment);
                 RunningProxy other = RunningProxy.start(config, environment)) {
                ProxyClients.Answer kept = transcribe(one, audio);
                ProxyClients.Answer hit = transcribe(other, audio);

                assertThat(vendor.seen()).hasSize(1);
                assertThat(hit.header("x-voxgate-cache-hit")).isEqualTo("true");
                assertThat(hit.body()).isEqualTo(kept.body());

                redis.kill();
                ProxyClients.Answer withoutRedis = transcribe(other, audio);
                assertThat(withoutRedis.status()).isEqualTo(200);
                assertThat(withoutRedis.header("x-voxgate-cache-hit")).isEqualTo("false");
                assertThat(vendor.seen()).hasSize(2);
            }
        }
    }

    @Test
    void aLocalCacheIsEachReplicasOwn() {
        Path audio = TestFiles.tone(dir, "two.wav", 2);
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy one = RunningProxy.start(config("{type: local}"), environment(vendor));
             RunningProxy other = RunningProxy.start(config("{type: local}"), environment(vendor))) {
            transcribe(one, audio);
            assertThat(transcribe(other, audio).header("x-voxgate-cache-hit")).isEqualTo("false");
            assertThat(vendor.seen()).hasSize(2);
        }
    }

    private Path config(String cacheParams) {
        return TestFiles.config(dir, "cached.yaml", """
                model_list:
                  - model_name: speech
                    litellm_params:
                      model: openai/gpt-4o-transcribe
                      api_base: os.environ/VENDOR_BASE
                      input_cost_per_second: 0.0001
                router_settings: {num_retries: 0}
                litellm_settings:
                  cache: true
                  cache_params: %s
                """.formatted(cacheParams));
    }

    private static Map<String, String> environment(FakeSpeechVendor vendor) {
        return Map.of("OPENAI_API_KEY", "sk-fake", "VENDOR_BASE", vendor.baseUrl());
    }

    private static ProxyClients.Answer transcribe(RunningProxy proxy, Path audio, String... moreFields) {
        Map<String, String> form = fields(moreFields);
        form.put("model", "speech");
        return postTranscription(proxy, "/v1/audio/transcriptions", null, audio, form);
    }

    private static String metrics(RunningProxy proxy) {
        return ProxyClients.call(new okhttp3.Request.Builder().url(proxy.baseUrl() + "/metrics").build()).body();
    }
}
