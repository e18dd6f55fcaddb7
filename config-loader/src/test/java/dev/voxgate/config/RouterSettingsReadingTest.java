package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.router.ChunkingSettings;
import dev.voxgate.router.RouterSettings;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.strategy.BuiltInStrategy;
import dev.voxgate.router.strategy.RoutingStrategyArgs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code router_settings} and the router settings of {@code litellm_settings}. */
class RouterSettingsReadingTest {

    private static final String MODELS = """
            model_list:
              - {model_name: a, litellm_params: {model: whisper-1}}
              - {model_name: b, litellm_params: {model: groq/whisper-large-v3}}
              - {model_name: c, litellm_params: {model: deepgram/nova-2}}
            """;

    @Test
    void everyRouterSettingVoxgateActsOnIsRead() {
        RouterSettings settings = read("""
                router_settings:
                  routing_strategy: simple-shuffle
                  num_retries: 0
                  timeout: 12.5
                  cooldown_time: 0
                  allowed_fails: 1
                  disable_cooldowns: true
                  max_fallbacks: 2
                """).routerSettings();

        assertThat(settings).isEqualTo(RouterSettings.builder().numRetries(0).attemptTimeout(Duration.ofMillis(12500))
                .cooldownTime(Duration.ZERO).allowedFails(1).disableCooldowns(true).maxFallbacks(2).build());
    }

    @Test
    void litellmSettingsApplyWhereRouterSettingsAreSilent() {
        VoxgateConfig config = read("""
                router_settings:
                  num_retries: 1
                litellm_settings:
                  num_retries: 4
                  request_timeout: 90
                  cooldown_time: 7
                  allowed_fails: 5
                  fallbacks: [{"a": ["b"]}]
                  default_fallbacks: ["c"]
                """);

        assertThat(config.routerSettings()).isEqualTo(RouterSettings.builder().numRetries(1)
                .attemptTimeout(Duration.ofSeconds(90)).cooldownTime(Duration.ofSeconds(7)).allowedFails(5)
                .fallback("a", List.of("b")).fallback("*", List.of("c")).build());
        assertThat(config.warnings()).singleElement().hasToString("c.yaml:9: litellm_settings.num_retries: "
                + "router_settings.num_retries (line 7) is used instead");
    }

    @Test
    void fallbacksMayBeOneMapWithSeveralGroupsAndAStarForEveryGroup() {
        RouterSettings settings = read("""
                router_settings:
                  fallbacks: {"a": ["b", "c"], "*": "c"}
                """).routerSettings();

        assertThat(settings.fallbacks()).isEqualTo(Map.of("a", List.of("b", "c"), "*", List.of("c")));
    }

    @Test
    void everyRoutingSettingOfIssueFiveIsReadFromLiteLlmKeys() {
        VoxgateConfig config = read("""
                router_settings:
                  routing_strategy: latency-based-routing
                  routing_strategy_args: {ttl: 30, lowest_latency_buffer: 0.5}
                  default_max_parallel_requests: 8
                  allowed_fails_policy:
                    TimeoutErrorAllowedFails: 1
                    RateLimitErrorAllowedFails: 4
                  retry_policy:
                    BadRequestErrorRetries: 0
                    AuthenticationErrorRetries: 1
                    TimeoutErrorRetries: 2
                    RateLimitErrorRetries: 3
                    InternalServerErrorRetries: 5
                  retry_after: 1.5
                  disable_fallbacks: true
                  total_timeout: 120
                """);

        assertThat(config.routerSettings()).isEqualTo(RouterSettings.builder()
                .routingStrategy(BuiltInStrategy.LATENCY_BASED)
                .routingStrategyArgs(new RoutingStrategyArgs(0.5, Duration.ofSeconds(30)))
                .defaultMaxParallelRequests(8)
                .allowedFailsPolicy(FailureKind.TIMEOUT, 1).allowedFailsPolicy(FailureKind.RATE_LIMIT, 4)
                .retryPolicy(FailureKind.BAD_REQUEST, 0).retryPolicy(FailureKind.AUTHENTICATION, 1)
                .retryPolicy(FailureKind.TIMEOUT, 2).retryPolicy(FailureKind.RATE_LIMIT, 3)
                .retryPolicy(FailureKind.SERVER_ERROR, 5)
                .retryAfter(Duration.ofMillis(1500)).disableFallbacks(true).totalTimeout(Duration.ofSeconds(120))
                .build());
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void chunkingIsOnByDefaultAndReadAsASwitchOrAMapOfItsSettings() {
        assertThat(read("").routerSettings().chunking()).isEqualTo(ChunkingSettings.defaults());
        assertThat(read("router_settings: {chunking: false}\n").routerSettings().chunking())
                .isEqualTo(ChunkingSettings.disabled());
        VoxgateConfig config = read("""
                router_settings:
                  chunking:
                    max_parallel: 2
                    overlap_seconds: 0.5
                    silence_search_seconds: 5
                    silence_threshold_db: -35
                    prompt_chain: true
                    ffmpeg_path: /opt/ffmpeg/bin/ffmpeg
                    max_decoded_seconds: 7200
                """);

        assertThat(config.routerSettings().chunking()).isEqualTo(ChunkingSettings.builder().maxParallel(2)
                .overlap(Duration.ofMillis(500)).silenceSearch(Duration.ofSeconds(5)).silenceThreshold(-35)
                .promptChain(true).ffmpegPath("/opt/ffmpeg/bin/ffmpeg").maxDecoded(Duration.ofHours(2)).build());
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aChunkingSettingOutOfRangeStopsTheStartNamingIt() {
        ConfigException error = failure("router_settings: {chunking: {overlap_seconds: 5}}\n");

        assertThat(error.problem()).contains("overlap must be from 0 to 2 s");
        assertThat(failure("router_settings: {chunking: {max_parallel: 0}}\n").problem())
                .contains("maxParallel must be at least 1");
    }

    @Test
    void usageBasedRoutingV2IsUsageBasedRouting() {
        assertThat(read("router_settings: {routing_strategy: usage-based-routing-v2}\n").routerSettings()
                .routingStrategy()).isEqualTo(BuiltInStrategy.USAGE_BASED);
        assertThat(read("router_settings: {routing_strategy: least-busy}\n").routerSettings()
                .routingStrategy()).isEqualTo(BuiltInStrategy.LEAST_BUSY);
    }

    @Test
    void costBasedRoutingWarnsThatSimpleShuffleIsUsedAndAnUnknownStrategyIsRejected() {
        VoxgateConfig config = read("router_settings: {routing_strategy: cost-based-routing}\n");

        assertThat(config.routerSettings().routingStrategy()).isEqualTo(BuiltInStrategy.SIMPLE_SHUFFLE);
        assertThat(config.warnings()).singleElement().hasToString("c.yaml:6: router_settings.routing_strategy: "
                + "routing_strategy 'cost-based-routing' is not supported (speech is priced per second, not per"
                + " token); simple-shuffle is used");
        assertThat(failure("router_settings: {routing_strategy: fastest}\n").problem())
                .isEqualTo("is not a routing strategy; use one of simple-shuffle, least-busy, latency-based-routing,"
                        + " usage-based-routing, usage-based-routing-v2");
    }

    @Test
    void policyKeysVoxgateHasNoKindForWarnAndAreIgnored() {
        VoxgateConfig config = read("""
                router_settings:
                  retry_policy: {ContentPolicyViolationErrorRetries: 2, TimeoutErrorRetrys: 1}
                  routing_strategy_args: {max_latency_list_size: 20}
                """);

        assertThat(config.routerSettings().retryPolicy()).isEmpty();
        assertThat(config.warnings()).extracting(ConfigWarning::message).containsExactly(
                "Voxgate has no content-policy failure for speech; ignored",
                "is not a failure kind; ignored (known: BadRequestErrorRetries, AuthenticationErrorRetries,"
                        + " TimeoutErrorRetries, RateLimitErrorRetries, InternalServerErrorRetries)",
                "not supported yet; ignored");
    }

    @Test
    void redisSettingsNameTheServerReplicasShareStateThrough() {
        VoxgateConfig config = read("router_settings: {redis_host: localhost, redis_port: 6380, redis_password: pw}\n");

        assertThat(config.warnings()).isEmpty();
        RedisSettings redis = config.redis().orElseThrow();
        assertThat(redis.host()).contains("localhost");
        assertThat(redis.port()).contains(6380);
        assertThat(redis.password().orElseThrow().reveal()).isEqualTo("pw");
        assertThat(redis.toString()).doesNotContain("pw");
    }

    @Test
    void withoutRedisKeysTheEnvironmentNamesTheServerAsForLiteLlm() {
        RedisSettings fromEnvironment = read("router_settings: {num_retries: 1}\n").redis().orElseThrow();
        assertThat(fromEnvironment.host()).contains("redis.internal");
        assertThat(fromEnvironment.password().orElseThrow().reveal()).isEqualTo("redis-secret-0006");

        VoxgateConfig none = TestConfigs.loader(TestConfigs.without(TestConfigs.ENVIRONMENT, "REDIS_HOST"))
                .parse(MODELS, "c.yaml");
        assertThat(none.redis()).isEmpty();
        VoxgateConfig url = TestConfigs.loader(TestConfigs.with(TestConfigs.without(TestConfigs.ENVIRONMENT,
                "REDIS_HOST"), java.util.Map.of("REDIS_URL", "redis://shared:6379"))).parse(MODELS, "c.yaml");
        assertThat(url.redis().orElseThrow().url().orElseThrow().reveal()).isEqualTo("redis://shared:6379");
    }

    @Test
    void aRedisClusterIsNamedByItsStartupNodesOrByRedisClusterNodes() {
        RedisSettings cluster = read("router_settings:\n  redis_startup_nodes: [{host: 10.0.0.1, port: 7001}, "
                + "{host: 10.0.0.2}]\n  redis_password: pw\n").redis().orElseThrow();
        assertThat(cluster.clusterNodes()).containsExactly("10.0.0.1:7001", "10.0.0.2:6379");
        assertThat(cluster.password().orElseThrow().reveal()).isEqualTo("pw");

        VoxgateConfig fromEnvironment = TestConfigs.loader(TestConfigs.with(TestConfigs.without(
                TestConfigs.ENVIRONMENT, "REDIS_HOST"), java.util.Map.of("REDIS_CLUSTER_NODES",
                "[{\"host\": \"127.0.0.1\", \"port\": \"7001\"}]"))).parse(MODELS, "c.yaml");
        assertThat(fromEnvironment.redis().orElseThrow().clusterNodes()).containsExactly("127.0.0.1:7001");

        assertThat(failure("router_settings: {redis_startup_nodes: [{port: 7001}]}\n").getMessage())
                .contains("every cluster node needs its host");
        assertThat(failure("router_settings: {redis_host: a, redis_startup_nodes: [{host: b}]}\n").getMessage())
                .contains("names a Redis Cluster");
    }

    @Test
    void aRedisUrlMustBeOneAndNotBesideAHost() {
        assertThat(read("router_settings: {redis_url: 'rediss://:pw@cache:6380/0'}\n").redis().orElseThrow().url()
                .orElseThrow().reveal()).isEqualTo("rediss://:pw@cache:6380/0");
        assertThat(failure("router_settings: {redis_url: 'http://cache:6379'}\n").getMessage())
                .contains("router_settings.redis_url").contains("must be a Redis URL");
        assertThat(failure("router_settings: {redis_url: 'redis://a', redis_host: b}\n").getMessage())
                .contains("give redis_url or redis_host, not both");
        assertThat(failure("router_settings: {redis_port: 6379}\n").getMessage())
                .contains("names no server: add redis_host");
    }

    @Test
    void defaultFallbacksTogetherWithAStarEntryAreRejected() {
        ConfigException error = failure("""
                router_settings:
                  fallbacks: [{"*": ["a"]}]
                  default_fallbacks: ["b"]
                """);

        assertThat(error.line()).isEqualTo(8);
        assertThat(error.keyPath()).isEqualTo("router_settings.default_fallbacks");
    }

    @Test
    void fallbackFromAnUndefinedGroupIsRejected() {
        ConfigException error = failure("""
                router_settings:
                  fallbacks:
                    - a: [b]
                    - whisper: [a]
                """);

        assertThat(error.line()).isEqualTo(9);
        assertThat(error.keyPath()).isEqualTo("router_settings.fallbacks[1].whisper");
        assertThat(error.problem()).startsWith("model group 'whisper' is not defined in model_list (defined: a, b, c)");
    }

    @Test
    void groupFallingBackToItselfOrListedTwiceIsRejected() {
        assertThat(failure("router_settings: {fallbacks: [{a: [b, a]}]}\n").problem())
                .isEqualTo("'a' falls back to itself: name another model group");
        assertThat(failure("router_settings:\n  fallbacks:\n    - a: [b]\n    - a: [c]\n").problem())
                .isEqualTo("fallbacks for 'a' are given twice (also on line 8): merge them into one list");
    }

    @Test
    void wrongTypesInRouterSettingsAreRejected() {
        assertThat(failure("router_settings: {disable_cooldowns: maybe}\n").problem())
                .isEqualTo("must be true or false, not 'maybe'");
        assertThat(failure("router_settings: {fallbacks: a}\n").problem())
                .startsWith("must be a list of maps from a model group to the groups it falls back to");
        assertThat(failure("router_settings: [num_retries, 2]\n").problem())
                .isEqualTo("must be a map of settings, not a list");
    }

    private static VoxgateConfig read(String settings) {
        return loader().parse(MODELS + "\n" + settings, "c.yaml");
    }

    private static ConfigException failure(String settings) {
        return catchThrowableOfType(ConfigException.class, () -> read(settings));
    }
}
