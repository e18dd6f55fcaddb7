package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The file as a whole: which sections are read, and what a file must at least hold. */
class TopLevelSectionsTest {

    private static final String ONE_MODEL = "model_list: [{model_name: w, litellm_params: {model: whisper-1}}]\n";

    @Test
    void unknownSectionIsWarnedAboutWithTheSectionsVoxgateReads() {
        VoxgateConfig config = loader().parse(ONE_MODEL + "model_lists: []\n", "c.yaml");

        assertThat(config.warnings()).singleElement().hasToString("c.yaml:2: model_lists: unknown section; ignored "
                + "(Voxgate reads environment_variables, general_settings, litellm_settings, model_list, "
                + "router_settings)");
    }

    @Test
    void liteLlmSectionsVoxgateDoesNotReadAreWarnedAboutAsNotSupported() {
        VoxgateConfig config = loader().parse(ONE_MODEL + "include:\n  - more-models.yaml\n", "c.yaml");

        assertThat(config.warnings()).singleElement()
                .hasToString("c.yaml:2: include: not supported yet; ignored");
    }

    @Test
    void extraKeysOfAModelListEntryAreWarnedAbout() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: w
                    litellm_params: {model: whisper-1}
                    description: the main one
                """, "c.yaml");

        assertThat(config.warnings()).singleElement()
                .hasToString("c.yaml:4: model_list[0].description: not supported yet; ignored");
    }

    @Test
    void fileThatIsNotAMapOfSectionsIsRejected() {
        assertThat(failure("- model_name: w\n")).hasMessage("c.yaml:1: must be a map of sections such as model_list "
                + "and router_settings, not a list");
    }

    @Test
    void emptyFileLacksModelList() {
        assertThat(failure("")).hasMessage("c.yaml:1: model_list: missing: add model_list with at least one model");
    }

    @Test
    void configWhoseEveryEntryIsSkippedIsRejected() {
        ConfigException error = failure("""
                model_list:
                  - model_name: claude
                    litellm_params: {model: anthropic/claude-3-5-sonnet}
                    model_info: {mode: chat}
                """);

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.problem()).startsWith("no deployment left: every model_list entry was skipped");
    }

    @Test
    void osEnvironWithoutAVariableNameIsRejected() {
        ConfigException error = failure("""
                model_list:
                  - model_name: w
                    litellm_params: {model: whisper-1, api_key: os.environ/}
                """);

        assertThat(error).hasMessage("c.yaml:3: model_list[0].litellm_params.api_key: os.environ/ names no "
                + "variable: write os.environ/NAME");
    }

    private static ConfigException failure(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> loader().parse(yaml, "c.yaml"));
    }
}
