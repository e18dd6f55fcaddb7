package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.config.ResponseCacheSettings.Store;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code litellm_settings.cache} and {@code cache_params}: LiteLLM's response cache, local or in the shared Redis. */
class ResponseCacheReadingTest {

    private static final String ONE_MODEL = "model_list: [{model_name: w, litellm_params: {model: whisper-1}}]\n";
    private static final Map<String, String> NO_REDIS = TestConfigs.without(TestConfigs.ENVIRONMENT, "REDIS_HOST");

    @Test
    void withoutCacheTrueThereIsNoCacheAndStrayParamsAreWarnedAbout() {
        assertThat(read(ONE_MODEL).responseCache()).isEmpty();
        VoxgateConfig off = read(ONE_MODEL + "litellm_settings:\n  cache: false\n  cache_params: {type: local}\n");

        assertThat(off.responseCache()).isEmpty();
        assertThat(off.warnings()).singleElement().hasToString("c.yaml:4: litellm_settings.cache_params: read only "
                + "with litellm_settings.cache: true; the response cache is off");
    }

    @Test
    void cacheTrueAloneIsALocalCacheKeptAnHour() {
        VoxgateConfig config = loader(NO_REDIS).parse(ONE_MODEL + "litellm_settings: {cache: true}\n", "c.yaml");

        assertThat(config.responseCache()).contains(new ResponseCacheSettings(Store.LOCAL, Duration.ofHours(1)));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aRedisCacheUsesTheSharedStatesRedisAndTakesItsTtlInSeconds() {
        VoxgateConfig config = read(ONE_MODEL + "router_settings: {redis_host: cache.internal}\n"
                + "litellm_settings:\n  cache: true\n  cache_params: {type: redis, ttl: 90.5}\n");

        assertThat(config.responseCache()).contains(new ResponseCacheSettings(Store.REDIS, Duration.ofMillis(90_500)));
        assertThat(config.redis().orElseThrow().host()).contains("cache.internal");
    }

    @Test
    void aRedisCacheWithoutAnyRedisIsRejectedAtItsType() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader(NO_REDIS).parse(ONE_MODEL
                + "litellm_settings:\n  cache: true\n  cache_params:\n    type: redis\n", "c.yaml"));

        assertThat(error).hasMessageStartingWith("c.yaml:5: litellm_settings.cache_params.type: a redis cache needs "
                + "a Redis: set router_settings.redis_host");
    }

    @Test
    void anUnsupportedTypeIsRejectedNamingTheSupportedOnes() {
        ConfigException error = failure(ONE_MODEL + "litellm_settings:\n  cache: true\n  cache_params:\n"
                + "    type: s3\n");

        assertThat(error).hasMessageStartingWith("c.yaml:5: litellm_settings.cache_params.type: cache type 's3' is "
                + "not supported; use local or redis");
    }

    @Test
    void aRedisOfTheCachesOwnIsRefusedAndOtherLiteLlmKeysAreWarnedAbout() {
        ConfigException own = failure(ONE_MODEL + "litellm_settings:\n  cache: true\n  cache_params:\n"
                + "    type: redis\n    host: other-redis\n");
        VoxgateConfig config = read(ONE_MODEL + "litellm_settings:\n  cache: true\n  cache_params:\n"
                + "    supported_call_types: [atranscription]\n");

        assertThat(own).hasMessageStartingWith("c.yaml:6: litellm_settings.cache_params.host: Voxgate's response "
                + "cache uses the Redis the replicas share state through");
        assertThat(config.warnings()).singleElement().hasToString("c.yaml:5: "
                + "litellm_settings.cache_params.supported_call_types: not supported yet; ignored");
    }

    @Test
    void badValuesAreRejectedAtTheirLine() {
        assertThat(failure(ONE_MODEL + "litellm_settings:\n  cache: sometimes\n"))
                .hasMessage("c.yaml:3: litellm_settings.cache: must be true or false, not 'sometimes'");
        assertThat(failure(ONE_MODEL + "litellm_settings:\n  cache: true\n  cache_params: {ttl: 0}\n"))
                .hasMessage("c.yaml:4: litellm_settings.cache_params.ttl: must be more than 0 seconds, not 0");
        assertThat(failure(ONE_MODEL + "litellm_settings:\n  cache: true\n  cache_params: redis\n"))
                .hasMessageStartingWith("c.yaml:4: litellm_settings.cache_params: must be a map");
    }

    private static VoxgateConfig read(String yaml) {
        return loader().parse(yaml, "c.yaml");
    }

    private static ConfigException failure(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> loader().parse(yaml, "c.yaml"));
    }
}
