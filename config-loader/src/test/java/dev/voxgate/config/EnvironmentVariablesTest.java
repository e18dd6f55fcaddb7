package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.model.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code environment_variables} and {@code os.environ/NAME}, resolved through the injected environment only. */
class EnvironmentVariablesTest {

    private static final String GROQ_FROM_FILE = """
            model_list:
              - model_name: whisper
                litellm_params:
                  model: groq/whisper-large-v3
                  api_key: os.environ/GROQ_API_KEY
                  api_base: os.environ/GROQ_BASE
            environment_variables:
              GROQ_API_KEY: gsk-from-file
              GROQ_BASE: https://groq.example
              PORT: 4000
            """;

    @Test
    void fileEnvironmentVariablesFeedOsEnvironReferences() {
        VoxgateConfig config = loader(Map.of()).parse(GROQ_FROM_FILE, "config.yaml");

        assertThat(config.deployments().get(0).apiKey()).contains(Secret.of("gsk-from-file"));
        assertThat(config.deployments().get(0).apiBase()).contains("https://groq.example");
        assertThat(config.environmentVariables()).isEqualTo(Map.of(
                "GROQ_API_KEY", "gsk-from-file", "GROQ_BASE", "https://groq.example", "PORT", "4000"));
    }

    @Test
    void fileEnvironmentVariablesTakePrecedenceOverTheEnvironment() {
        VoxgateConfig config = loader(Map.of("GROQ_API_KEY", "gsk-from-process")).parse(GROQ_FROM_FILE, "c.yaml");

        assertThat(config.deployments().get(0).apiKey()).contains(Secret.of("gsk-from-file"));
    }

    @Test
    void masterKeyFallsBackToLiteLlmMasterKeyVariable() {
        String yaml = "model_list: [{model_name: w, litellm_params: {model: whisper-1}}]\n";

        assertThat(loader(Map.of("LITELLM_MASTER_KEY", "sk-env")).parse(yaml, "c.yaml").generalSettings().masterKey())
                .contains(Secret.of("sk-env"));
        assertThat(loader(Map.of()).parse(yaml, "c.yaml").generalSettings().masterKey()).isEmpty();
    }

    @Test
    void masterKeyMayItselfComeFromTheEnvironment() {
        String yaml = """
                model_list: [{model_name: w, litellm_params: {model: whisper-1}}]
                general_settings:
                  master_key: os.environ/PROXY_KEY
                """;

        VoxgateConfig config = loader(Map.of("PROXY_KEY", "sk-proxy", "LITELLM_MASTER_KEY", "sk-other"))
                .parse(yaml, "c.yaml");

        assertThat(config.generalSettings().masterKey()).contains(Secret.of("sk-proxy"));
    }

    @Test
    void unsetVariableForTheMasterKeyIsAnError() {
        String yaml = """
                model_list: [{model_name: w, litellm_params: {model: whisper-1}}]
                general_settings:
                  master_key: os.environ/PROXY_KEY
                """;

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> loader(Map.of()).parse(yaml, "c.yaml"));

        assertThat(error).hasMessage("c.yaml:3: general_settings.master_key: environment variable PROXY_KEY is not "
                + "set (referenced as os.environ/PROXY_KEY)");
    }

    @Test
    void environmentVariableWithoutAValueIsAnError() {
        String yaml = """
                model_list: [{model_name: w, litellm_params: {model: whisper-1}}]
                environment_variables:
                  GROQ_API_KEY:
                """;

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> loader(Map.of()).parse(yaml, "c.yaml"));

        assertThat(error).hasMessage("c.yaml:3: environment_variables.GROQ_API_KEY: is empty: give it a value");
    }
}
