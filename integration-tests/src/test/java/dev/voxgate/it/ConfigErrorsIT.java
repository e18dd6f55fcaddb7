package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unusable configs through the proxy's start path ({@code --config FILE} into {@code ProxyMain.launch}): each stops
 * the start with the file, the line, the key and a hint of what to write instead, and no server is left running.
 */
class ConfigErrorsIT {

    private static final String MODEL = "model_list:\n  - model_name: whisper\n    litellm_params:\n"
            + "      model: whisper-1\n      api_key: sk-config-0123456789\n";

    @TempDir
    Path dir;

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                invalid("bad indentation", "model_list:\n  - model_name: whisper\n    litellm_params:\n"
                        + "      model: whisper-1\n     api_key: x\n", 5, "", "invalid YAML"),
                invalid("an unclosed list", MODEL + "router_settings:\n  fallbacks: [{\"whisper\": [\"b\"]\n",
                        8, "", "invalid YAML"),
                invalid("a tab for indentation", MODEL + "router_settings:\n\tnum_retries: 2\n", 7, "",
                        "invalid YAML"),
                invalid("litellm_params as a list", "model_list:\n  - model_name: whisper\n    litellm_params:\n"
                        + "      - model: whisper-1\n", 3, "model_list[0].litellm_params", "must be a map"),
                invalid("num_retries as text", MODEL + "router_settings:\n  num_retries: three\n", 7,
                        "router_settings.num_retries", "must be a whole number"),
                invalid("a boolean as a timeout", MODEL + "      timeout: true\n", 6,
                        "model_list[0].litellm_params.timeout", "must be a number of seconds"),
                invalid("an unknown provider prefix", "model_list:\n  - model_name: whisper\n    litellm_params:\n"
                        + "      model: speechmatics/enhanced\n", 4, "model_list[0].litellm_params.model",
                        "unknown provider 'speechmatics'"),
                invalid("a fallback to an unknown group", MODEL + "router_settings:\n"
                        + "  fallbacks: [{\"whisper\": [\"whisper-backpu\"]}]\n", 7,
                        "router_settings.fallbacks[0].whisper[0]", "is not defined in model_list"),
                invalid("negative rpm", MODEL + "      rpm: -5\n", 6, "model_list[0].litellm_params.rpm",
                        "must be 0 or more"),
                invalid("a negative cooldown", MODEL + "router_settings:\n  cooldown_time: -1\n", 7,
                        "router_settings.cooldown_time", "must be 0 or more seconds"),
                invalid("a zero timeout", MODEL + "      timeout: 0\n", 6, "model_list[0].litellm_params.timeout",
                        "must be more than 0 seconds"),
                invalid("duplicate deployment ids", MODEL + "    model_info: {id: main}\n  - model_name: b\n"
                        + "    litellm_params: {model: whisper-1}\n    model_info: {id: main}\n", 9,
                        "model_list[1].model_info.id", "duplicate id 'main'"),
                invalid("a missing environment variable", "model_list:\n  - model_name: whisper\n"
                        + "    litellm_params:\n      model: whisper-1\n      api_key: os.environ/NOT_SET_ANYWHERE\n",
                        5, "model_list[0].litellm_params.api_key", "NOT_SET_ANYWHERE is not set"),
                invalid("os.environ/ without a name", MODEL + "      api_base: os.environ/\n", 6,
                        "model_list[0].litellm_params.api_base", "write os.environ/NAME"),
                invalid("an empty model_list", "model_list: []\n", 1, "model_list", "add at least one model"),
                invalid("no model_list at all", "router_settings:\n  num_retries: 2\n", 1, "model_list",
                        "add model_list"),
                invalid("an entry without model_name", MODEL + "  - litellm_params: {model: whisper-1}\n", 6,
                        "model_list[1].model_name", "needs a model_name"),
                invalid("an entry without model", "model_list:\n  - model_name: whisper\n    litellm_params:\n"
                        + "      api_key: sk-x\n", 3, "model_list[0].litellm_params.model", "missing"),
                invalid("allow_client_side_credentials as text", MODEL + "general_settings:\n"
                        + "  allow_client_side_credentials: sometimes\n", 7,
                        "general_settings.allow_client_side_credentials", "must be true or false"),
                invalid("a negative drain time", MODEL + "general_settings:\n  graceful_shutdown_timeout: -30\n", 7,
                        "general_settings.graceful_shutdown_timeout", "must be 0 or more seconds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigs")
    void invalidConfigStopsTheStartNamingFileLineKeyAndWhatToFix(String description, String yaml, int line,
                                                                 String keyPath, String hint) {
        Path file = TestFiles.config(dir, "config.yaml", yaml);

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> RunningProxy.start(file, Map.of()).close());

        assertThat(error).as("%s should not start", description).isNotNull();
        assertThat(error.file()).isEqualTo(file.toString());
        assertThat(error.line()).as(error.getMessage()).isEqualTo(line);
        assertThat(error.keyPath()).as(error.getMessage()).isEqualTo(keyPath);
        assertThat(error.problem()).as(error.getMessage()).contains(hint);
        assertThat(error.getMessage()).startsWith(file + ":" + line + ": " + (keyPath.isEmpty() ? "" : keyPath
                + ": "));
    }

    private static Arguments invalid(String description, String yaml, int line, String keyPath, String hint) {
        return Arguments.of(description, yaml, line, keyPath, hint);
    }
}
