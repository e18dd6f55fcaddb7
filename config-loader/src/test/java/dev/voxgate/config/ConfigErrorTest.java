package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.ENVIRONMENT;
import static dev.voxgate.config.TestConfigs.loader;
import static dev.voxgate.config.TestConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every unusable config fails with the file, the line, the key path and what to fix. */
class ConfigErrorTest {

    @Test
    void unsetEnvironmentVariableIsNamedWithTheKeyThatReferencesIt() {
        Path file = resource("litellm/audio-guide-load-balanced.yaml");

        ConfigException error = failure(file, TestConfigs.without(ENVIRONMENT, "AZURE_EUROPE_API_BASE"));

        assertThat(error.getMessage()).isEqualTo(file + ":12: model_list[1].litellm_params.api_base: environment "
                + "variable AZURE_EUROPE_API_BASE is not set (referenced as os.environ/AZURE_EUROPE_API_BASE)");
        assertThat(error.file()).isEqualTo(file.toString());
        assertThat(error.line()).isEqualTo(12);
        assertThat(error.keyPath()).isEqualTo("model_list[1].litellm_params.api_base");
    }

    @Test
    void badIndentationIsReportedAtTheLineTheParserStopped() {
        ConfigException error = failure("errors/bad-indentation.yaml");

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.keyPath()).isEmpty();
        assertThat(error.problem()).startsWith("invalid YAML at column 6: expected <block end>")
                .endsWith("(while parsing a block mapping from line 2)");
    }

    @Test
    void unclosedFlowListIsReportedWithTheLineWhereItStarted() {
        ConfigException error = failure("errors/unclosed-flow-list.yaml");

        assertThat(error.line()).isEqualTo(8);
        assertThat(error.problem()).isEqualTo("invalid YAML at column 3: expected ',' or ']', but got <scalar> "
                + "(while parsing a flow sequence from line 7)");
    }

    @Test
    void listWhereAMapBelongsIsRejected() {
        ConfigException error = failure("errors/params-as-list.yaml");

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.keyPath()).isEqualTo("model_list[0].litellm_params");
        assertThat(error.problem()).isEqualTo("must be a map of settings such as model and api_key, not a list");
    }

    @Test
    void textWhereANumberBelongsIsRejected() {
        ConfigException error = failure("errors/retries-not-a-number.yaml");

        assertThat(error.line()).isEqualTo(7);
        assertThat(error.keyPath()).isEqualTo("router_settings.num_retries");
        assertThat(error.problem()).isEqualTo("must be a whole number (0 or more), not 'abc'");
    }

    @Test
    void negativeRpmIsRejected() {
        ConfigException error = failure("errors/negative-rpm.yaml");

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.keyPath()).isEqualTo("model_list[0].litellm_params.rpm");
        assertThat(error.problem()).isEqualTo("must be 0 or more, not -5");
    }

    @Test
    void negativeWeightIsRejected() {
        ConfigException error = failure("errors/negative-weight.yaml");

        assertThat(error.line()).isEqualTo(8);
        assertThat(error.keyPath()).isEqualTo("model_list[1].litellm_params.weight");
        assertThat(error.problem()).isEqualTo("must be 0 or more, not -1");
    }

    @Test
    void unknownProviderPrefixIsRejectedWithHowToWriteAModel() {
        ConfigException error = failure("errors/unknown-provider.yaml");

        assertThat(error.line()).isEqualTo(7);
        assertThat(error.keyPath()).isEqualTo("model_list[1].litellm_params.model");
        assertThat(error.problem()).isEqualTo("unknown provider 'speechmatics' in 'speechmatics/enhanced': write "
                + "<provider>/<model> with a supported provider, or a bare OpenAI model name");
    }

    @Test
    void fallbackToAnUndefinedGroupListsTheDefinedOnes() {
        ConfigException error = failure("errors/unknown-fallback-group.yaml");

        assertThat(error.line()).isEqualTo(11);
        assertThat(error.keyPath()).isEqualTo("router_settings.fallbacks[0].whisper-primary[0]");
        assertThat(error.problem()).startsWith("model group 'whisper-backpu' is not defined in model_list "
                + "(defined: whisper-primary, whisper-backup)");
    }

    @Test
    void duplicateExplicitIdIsRejectedNamingTheFirstHolder() {
        ConfigException error = failure("errors/duplicate-id.yaml");

        assertThat(error.line()).isEqualTo(11);
        assertThat(error.keyPath()).isEqualTo("model_list[1].model_info.id");
        assertThat(error.problem()).isEqualTo("duplicate id 'whisper-main': model_list[0] (line 2) has it too; "
                + "give each deployment its own model_info.id");
    }

    @Test
    void emptyModelListIsRejected() {
        ConfigException error = failure("errors/empty-model-list.yaml");

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.keyPath()).isEqualTo("model_list");
        assertThat(error.problem()).isEqualTo("is empty: add at least one model under model_list");
    }

    @Test
    void missingModelListIsRejectedAtTheTopOfTheFile() {
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> loader().parse("general_settings:\n  master_key: sk-1234\n", "config.yaml"));

        assertThat(error).hasMessage("config.yaml:1: model_list: missing: add model_list with at least one model");
    }

    @Test
    void entryWithoutModelNameIsRejectedAtItsFirstLine() {
        ConfigException error = failure("errors/missing-model-name.yaml");

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.keyPath()).isEqualTo("model_list[1].model_name");
        assertThat(error.problem()).startsWith("missing: every model_list entry needs a model_name");
    }

    @Test
    void entryWithoutModelIsRejectedAtItsLitellmParams() {
        String yaml = """
                model_list:
                  - model_name: whisper
                    litellm_params:
                      api_key: os.environ/OPENAI_API_KEY
                """;

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().parse(yaml, "c.yaml"));

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.keyPath()).isEqualTo("model_list[0].litellm_params.model");
    }

    @Test
    void missingFileSaysSoWithoutALine() {
        Path file = Path.of("no-such-dir", "config.yaml");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().load(file));

        assertThat(error.line()).isZero();
        assertThat(error.getMessage()).startsWith(file + ": file not found (looked at ")
                .endsWith("): pass the path of a LiteLLM config.yaml");
    }

    private static ConfigException failure(String resource) {
        return failure(resource(resource), ENVIRONMENT);
    }

    private static ConfigException failure(Path file, Map<String, String> environment) {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader(environment).load(file));
        assertThat(error).as("loading %s", file).isNotNull();
        assertThat(error.file()).isEqualTo(file.toString());
        return error;
    }
}
