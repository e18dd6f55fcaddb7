package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.router.RouterSettings;
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
    void otherRoutingStrategiesWarnThatSimpleShuffleIsUsed() {
        VoxgateConfig config = read("router_settings: {routing_strategy: latency-based-routing}\n");

        assertThat(config.warnings()).singleElement().hasToString("c.yaml:6: router_settings.routing_strategy: "
                + "routing_strategy 'latency-based-routing' is not implemented yet; simple-shuffle is used");
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
