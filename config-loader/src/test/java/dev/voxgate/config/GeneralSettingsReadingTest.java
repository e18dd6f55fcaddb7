package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code general_settings}: the master key, client-side credentials and the shutdown drain time; and
 * {@code litellm_settings.require_auth_for_metrics_endpoint} and {@code litellm_settings.json_logs}.
 */
class GeneralSettingsReadingTest {

    private static final String ONE_MODEL = "model_list: [{model_name: w, litellm_params: {model: whisper-1}}]\n";

    @Test
    void withoutGeneralSettingsClientCredentialsAreRefusedAndTheDrainTimeIsThirtySeconds() {
        GeneralSettings settings = read(ONE_MODEL);

        assertThat(settings.allowClientSideCredentials()).isFalse();
        assertThat(settings.gracefulShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "yes"})
    void allowClientSideCredentialsCanBeSwitchedOn(String value) {
        GeneralSettings settings = read(ONE_MODEL + "general_settings:\n  allow_client_side_credentials: " + value
                + "\n");

        assertThat(settings.allowClientSideCredentials()).isTrue();
    }

    @Test
    void allowClientSideCredentialsSetToFalseOrLeftEmptyStaysOff() {
        assertThat(read(ONE_MODEL + "general_settings: {allow_client_side_credentials: false}\n")
                .allowClientSideCredentials()).isFalse();
        assertThat(read(ONE_MODEL + "general_settings: {allow_client_side_credentials: }\n")
                .allowClientSideCredentials()).isFalse();
    }

    @Test
    void allowClientSideCredentialsThatIsNotABooleanIsRejectedAtItsLine() {
        ConfigException error = failure(ONE_MODEL + "general_settings:\n  master_key: sk-1\n"
                + "  allow_client_side_credentials: sometimes\n");

        assertThat(error).hasMessage("c.yaml:4: general_settings.allow_client_side_credentials: must be true or "
                + "false, not 'sometimes'");
    }

    @Test
    void maxRequestSizeInMegabytesBecomesTheProxysUploadLimit() {
        assertThat(read(ONE_MODEL).maxUploadBytes()).isEmpty();
        assertThat(read(ONE_MODEL + "general_settings: {max_request_size_mb: 100}\n").maxUploadBytes())
                .contains(100L * 1024 * 1024);
        assertThat(failure(ONE_MODEL + "general_settings:\n  max_request_size_mb: 0\n"))
                .hasMessageContaining("general_settings.max_request_size_mb: must be more than 0");
    }

    @Test
    void gracefulShutdownTimeoutIsReadInSecondsAndZeroMeansStopAtOnce() {
        assertThat(read(ONE_MODEL + "general_settings: {graceful_shutdown_timeout: 2.5}\n")
                .gracefulShutdownTimeout()).isEqualTo(Duration.ofMillis(2_500));
        assertThat(read(ONE_MODEL + "general_settings: {graceful_shutdown_timeout: 0}\n")
                .gracefulShutdownTimeout()).isZero();
    }

    @Test
    void negativeGracefulShutdownTimeoutIsRejected() {
        ConfigException error = failure(ONE_MODEL + "general_settings:\n  graceful_shutdown_timeout: -1\n");

        assertThat(error).hasMessage("c.yaml:3: general_settings.graceful_shutdown_timeout: must be 0 or more "
                + "seconds, not -1");
    }

    @Test
    void otherGeneralSettingsAreStillWarnedAboutAndTheMasterKeyStillRead() {
        VoxgateConfig config = loader().parse(ONE_MODEL + "general_settings:\n  master_key: sk-1234\n"
                + "  allow_client_side_credentials: true\n  alerting: [slack]\n", "c.yaml");

        assertThat(config.generalSettings().masterKey()).hasValueSatisfying(key -> assertThat(key.matches("sk-1234"))
                .isTrue());
        assertThat(config.warnings()).singleElement()
                .hasToString("c.yaml:5: general_settings.alerting: not supported yet; ignored");
    }

    @Test
    void theKeyDatabaseIsReadFromDatabaseUrlWithItsCacheTimeAndBuffer() {
        VoxgateConfig config = loader(Map.of()).parse(ONE_MODEL + "general_settings:\n"
                + "  database_url: postgresql://vox%40gate:p%3Ass@10.0.0.5/keys\n  user_api_key_cache_ttl: 2\n"
                + "  spend_buffer_rows: 500\n", "c.yaml");

        assertThat(config.database()).hasValueSatisfying(database -> {
            assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5/keys");
            assertThat(database.user()).contains("vox@gate");
            assertThat(database.password().orElseThrow().matches("p:ss")).isTrue();
            assertThat(database.keyCacheTtl()).isEqualTo(Duration.ofSeconds(2));
            assertThat(database.spendBufferRows()).isEqualTo(500);
            assertThat(database.toString()).doesNotContain("p:ss");
        });
        assertThat(config.warnings()).isEmpty();
        assertThat(loader(Map.of()).parse(ONE_MODEL, "c.yaml").database()).isEmpty();
    }

    @Test
    void aDatabaseUrlOfAnotherShapeSaysWhatShapeIsMeant() {
        assertThat(failure(ONE_MODEL + "general_settings:\n  database_url: mysql://db/keys\n"))
                .hasMessage("c.yaml:3: general_settings.database_url: the database URL must start with "
                        + "postgresql://: write postgresql://user:password@host:5432/database");
        assertThat(catchThrowableOfType(ConfigException.class, () -> loader(Map.of("DATABASE_URL", "postgres://db.internal"))
                .parse(ONE_MODEL, "c.yaml"))).hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("needs a host and a database name");
    }

    @Test
    void metricsAreOpenUnlessLiteLlmSettingsRequireAuthForThem() {
        assertThat(read(ONE_MODEL).requireAuthForMetrics()).isFalse();
        VoxgateConfig config = loader().parse(ONE_MODEL + "general_settings: {master_key: sk-1}\n"
                + "litellm_settings:\n  require_auth_for_metrics_endpoint: true\n", "c.yaml");

        assertThat(config.generalSettings().requireAuthForMetrics()).isTrue();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void jsonLogsIsReadFromLitellmSettingsAndIsOffWithoutIt() {
        assertThat(read(ONE_MODEL).jsonLogs()).isFalse();
        assertThat(read(ONE_MODEL + "litellm_settings: {json_logs: }\n").jsonLogs()).isFalse();
        VoxgateConfig config = loader().parse(ONE_MODEL + "litellm_settings:\n  json_logs: true\n", "c.yaml");

        assertThat(config.generalSettings().jsonLogs()).isTrue();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void requireAuthForMetricsWithoutAMasterKeyIsWarnedAboutAtItsLine() {
        VoxgateConfig config = loader(TestConfigs.without(TestConfigs.ENVIRONMENT, "LITELLM_MASTER_KEY"))
                .parse(ONE_MODEL + "litellm_settings:\n  require_auth_for_metrics_endpoint: true\n", "c.yaml");

        assertThat(config.warnings()).singleElement().hasToString("c.yaml:3: "
                + "litellm_settings.require_auth_for_metrics_endpoint: there is no master key "
                + "(general_settings.master_key or LITELLM_MASTER_KEY), so /metrics stays open like every route");
    }

    @Test
    void requireAuthForMetricsThatIsNotABooleanIsRejectedAtItsLine() {
        ConfigException error = failure(ONE_MODEL + "litellm_settings:\n  num_retries: 1\n"
                + "  require_auth_for_metrics_endpoint: maybe\n");

        assertThat(error).hasMessage("c.yaml:4: litellm_settings.require_auth_for_metrics_endpoint: must be true or "
                + "false, not 'maybe'");
    }

    @Test
    void jsonLogsThatIsNotABooleanIsRejectedAtItsLine() {
        ConfigException error = failure(ONE_MODEL + "litellm_settings:\n  drop_params: true\n  json_logs: verbose\n");

        assertThat(error).hasMessage("c.yaml:4: litellm_settings.json_logs: must be true or false, not 'verbose'");
    }

    private static GeneralSettings read(String yaml) {
        return loader().parse(yaml, "c.yaml").generalSettings();
    }

    private static ConfigException failure(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> loader().parse(yaml, "c.yaml"));
    }
}
