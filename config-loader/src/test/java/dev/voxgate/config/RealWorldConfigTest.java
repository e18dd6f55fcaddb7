package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static dev.voxgate.config.TestConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.RouterSettings;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.strategy.BuiltInStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A LiteLLM proxy config as teams run it, full of settings Voxgate reads past. */
class RealWorldConfigTest {

    private final Path file = resource("litellm/real-world-proxy.yaml");
    private final VoxgateConfig config = loader().load(file);

    @Test
    void everyKeyReadPastGetsOneWarningWithItsLineAndNoException() {
        assertThat(config.warnings()).allSatisfy(warning -> assertThat(warning.file()).isEqualTo(file.toString()));
        assertThat(config.warnings()).extracting(warning -> warning.line() + " " + warning.keyPath()).containsExactly(
                "7 model_list[0].litellm_params.max_retries",
                "8 model_list[0].litellm_params.stream_timeout",
                "10 model_list[0].litellm_params.tags",
                "22 model_list[1].litellm_params.region_name",
                "41 model_list[3].model_info.mode",
                "44 model_list[4].litellm_params.model",
                "58 router_settings.enable_pre_call_checks",
                "61 router_settings.fallbacks[1].claude",
                "65 litellm_settings.set_verbose",
                "66 litellm_settings.num_retries",
                "67 litellm_settings.request_timeout",
                "68 litellm_settings.success_callback",
                "76 general_settings.alerting",
                "82 mcp_servers");
    }

    @Test
    void itsDatabaseIsReadNotReadPast() {
        assertThat(config.database()).hasValueSatisfying(database -> {
            assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/litellm?sslmode=require");
            assertThat(database.user()).contains("litellm");
            assertThat(database.password().orElseThrow().matches("db-secret-0007")).isTrue();
            assertThat(database.keyCacheTtl()).isEqualTo(DatabaseSettings.DEFAULT_KEY_CACHE_TTL);
        });
    }

    @Test
    void itsRedisIsReadNotReadPast() {
        assertThat(config.redis()).hasValueSatisfying(redis -> {
            assertThat(redis.host()).contains("redis.internal");
            assertThat(redis.port()).contains(6379);
        });
    }

    @Test
    void itsResponseCacheIsReadNotReadPast() {
        assertThat(config.responseCache()).contains(new ResponseCacheSettings(ResponseCacheSettings.Store.REDIS,
                ResponseCacheSettings.DEFAULT_TTL));
    }

    @Test
    void itsPricesAreReadNotReadPast() {
        assertThat(config.deployments().getFirst().price()).hasValueSatisfying(price ->
                assertThat(price.inputCostPerSecond()).isEqualByComparingTo("0.0001"));
    }

    @Test
    void unsupportedKeysSaySoAndTheRestExplainThemselves() {
        assertThat(config.warnings()).filteredOn(warning -> warning.keyPath().startsWith("model_list[0]"))
                .extracting(ConfigWarning::message).containsOnly("not supported yet; ignored");
        assertThat(config.warnings().get(0))
                .hasToString(file + ":7: model_list[0].litellm_params.max_retries: not supported yet; ignored");
        assertThat(messageAt("litellm_settings.num_retries"))
                .isEqualTo("router_settings.num_retries (line 54) is used instead");
        assertThat(messageAt("model_list[3].model_info.mode")).startsWith("mode 'chat': Voxgate serves audio "
                + "transcription only");
    }

    @Test
    void routerSettingsWinOverTheSameSettingsInLitellmSettings() {
        RouterSettings router = config.routerSettings();

        assertThat(router.numRetries()).isEqualTo(3);
        assertThat(router.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(router.allowedFails()).isEqualTo(2);
        assertThat(router.cooldownTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(router.routingStrategy()).isEqualTo(BuiltInStrategy.USAGE_BASED);
        assertThat(router.retryPolicy()).isEqualTo(Map.of(FailureKind.RATE_LIMIT, 3));
    }

    @Test
    void chatModelOfAProviderVoxgateLacksIsSkippedAndItsFallbackDropped() {
        assertThat(config.deployments()).extracting(Deployment::modelName)
                .containsExactly("whisper", "whisper", "nova", "gpt-4o");
        assertThat(messageAt("model_list[4].litellm_params.model")).startsWith("deployment skipped: its mode is "
                + "'chat'");
        assertThat(config.routerSettings().fallbacks()).isEqualTo(Map.of("whisper", List.of("nova")));
    }

    @Test
    void actedOnParametersAndVendorParametersAreTyped() {
        Deployment openAi = config.deployments().get(0);
        Deployment azure = config.deployments().get(1);
        Deployment deepgram = config.deployments().get(2);

        assertThat(openAi.rpm()).contains(100);
        assertThat(openAi.timeout()).contains(Duration.ofSeconds(120));
        assertThat(openAi.params()).isEmpty();
        assertThat(azure.id()).isEqualTo("azure-eu-whisper");
        assertThat(azure.weight()).contains(2.0);
        assertThat(deepgram.params())
                .isEqualTo(Map.of("punctuate", ParamValue.text("true"), "diarize", ParamValue.text("false"),
                        "smart_format", ParamValue.text("true")));
        assertThat(deepgram.cooldownTime()).contains(Duration.ZERO);
        assertThat(config.environmentVariables()).containsEntry("LANGFUSE_PUBLIC_KEY", "pk-lf-public");
    }

    private String messageAt(String keyPath) {
        return config.warnings().stream().filter(warning -> warning.keyPath().equals(keyPath))
                .map(ConfigWarning::message).findFirst().orElseThrow();
    }
}
