package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.KEYS;
import static dev.voxgate.config.TestConfigs.loader;
import static dev.voxgate.config.TestConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys never leave the config through a message, a warning or a string form. */
class SecretRedactionTest {

    private static final String LITERAL_KEY = "sk-literal-in-file-0006";
    private static final String ENV_FILE_SECRET = "sk-lf-very-secret";

    @Test
    void loadedConfigToStringHidesKeysMasterKeyAndEnvironmentVariableValues() {
        VoxgateConfig config = loader().load(resource("litellm/real-world-proxy.yaml"));
        VoxgateConfig literal = loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1, api_key: %s}
                general_settings: {master_key: %s}
                """.formatted(LITERAL_KEY, LITERAL_KEY), "config.yaml");

        assertThat(config.toString()).contains("LANGFUSE_SECRET_KEY");
        assertNoSecretIn(config.toString() + literal);
    }

    @Test
    void warningsNeverQuoteValues() {
        VoxgateConfig config = loader().load(resource("litellm/real-world-proxy.yaml"));

        assertNoSecretIn(config.warnings().toString());
    }

    @Test
    void environmentValueInTheWrongPlaceIsNamedByItsVariableNotShown() {
        ConfigException error = failure("""
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1, rpm: os.environ/OPENAI_API_KEY}
                """);

        assertThat(error.problem()).isEqualTo("must be a whole number (0 or more), not the value of environment "
                + "variable OPENAI_API_KEY");
        assertNoSecretIn(error.getMessage());
    }

    @Test
    void syntaxErrorOnALineHoldingAKeyDoesNotQuoteTheLine() {
        ConfigException error = failure("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      api_key: %s: oops
                """.formatted(LITERAL_KEY));

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.getCause()).isNull();
        assertNoSecretIn(error.getMessage());
    }

    @Test
    void errorsElsewhereInAFileWithLiteralKeysDoNotQuoteThem() {
        ConfigException error = failure("""
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1, api_key: %s, timeout: -1}
                general_settings: {master_key: %s}
                """.formatted(LITERAL_KEY, LITERAL_KEY));

        assertThat(error.keyPath()).isEqualTo("model_list[0].litellm_params.timeout");
        assertNoSecretIn(error.getMessage());
    }

    private static ConfigException failure(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> loader().parse(yaml, "config.yaml"));
    }

    private static void assertNoSecretIn(String text) {
        List<String> secrets = new ArrayList<>(KEYS.values());
        secrets.add(LITERAL_KEY);
        secrets.add(ENV_FILE_SECRET);
        assertThat(text).doesNotContain(secrets);
    }
}
