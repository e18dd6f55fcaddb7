package dev.voxgate.config.litellm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.config.ConfigException;
import dev.voxgate.config.ConfigWarning;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.config.litellm.YamlNode.Sequence;
import dev.voxgate.config.litellm.YamlNode.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML text into a tree that keeps each key's path and line, read the way PyYAML (and so LiteLLM) reads it. */
class YamlTreeParserTest {

    private final List<ConfigWarning> warnings = new ArrayList<>();

    @Test
    void everyNodeKnowsItsKeyPathAndTheLineOfItsKey() {
        Mapping root = (Mapping) parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                """);

        Sequence list = (Sequence) root.entries().get("model_list");
        Mapping entry = (Mapping) list.items().get(0);
        YamlNode params = entry.entries().get("litellm_params");
        YamlNode model = ((Mapping) params).entries().get("model");
        assertThat(list.line()).isEqualTo(1);
        assertThat(entry.path()).isEqualTo("model_list[0]");
        assertThat(entry.line()).isEqualTo(2);
        assertThat(params.line()).isEqualTo(3);
        assertThat(model.path()).isEqualTo("model_list[0].litellm_params.model");
        assertThat(model.line()).isEqualTo(4);
    }

    @Test
    void dateLikeVersionsStayTextAndScalarsKeepTheirYamlTypes() {
        Mapping root = (Mapping) parse("""
                a: 2024-02-15-preview
                b: 2024-02-15
                c: 1_000
                d: 2.50
                e: on
                f: ~
                g: "42"
                h: .inf
                """);

        assertThat(root.entries().values()).extracting(node -> ((Scalar) node).type() + " " + ((Scalar) node).text())
                .containsExactly("TEXT 2024-02-15-preview", "TEXT 2024-02-15", "INTEGER 1000", "DECIMAL 2.5",
                        "BOOLEAN true", "NULL ", "TEXT 42", "TEXT .inf");
    }

    @Test
    void anchorsAliasesAndMergeKeysResolveAsInPyYaml() {
        Mapping root = (Mapping) parse("""
                shared: &azure
                  api_base: https://eu.example
                  api_version: "2024-06-01"
                model_list:
                  - model_name: a
                    litellm_params:
                      <<: *azure
                      model: azure/a
                      api_version: "2025-01-01"
                  - model_name: b
                    litellm_params: *azure
                """);

        Sequence list = (Sequence) root.entries().get("model_list");
        Mapping first = (Mapping) ((Mapping) list.items().get(0)).entries().get("litellm_params");
        Mapping second = (Mapping) ((Mapping) list.items().get(1)).entries().get("litellm_params");
        assertThat(first.entries().keySet()).containsExactly("model", "api_version", "api_base");
        assertThat(((Scalar) first.entries().get("api_version")).text()).isEqualTo("2025-01-01");
        YamlNode mergedBase = first.entries().get("api_base");
        assertThat(mergedBase.path()).isEqualTo("model_list[0].litellm_params.api_base");
        assertThat(mergedBase.line()).isEqualTo(2);
        assertThat(second.path()).isEqualTo("model_list[1].litellm_params");
        assertThat(second.line()).isEqualTo(11);
    }

    @Test
    void duplicateKeyKeepsTheLastValueWithAWarning() {
        Mapping root = (Mapping) parse("a: 1\nb: 2\na: 3\n");

        assertThat(((Scalar) root.entries().get("a")).text()).isEqualTo("3");
        assertThat(warnings).singleElement()
                .hasToString("c.yaml:3: a: duplicate key: replaces the value on line 1, as LiteLLM does");
    }

    @Test
    void keysThatAreNotPlainNamesAreQuotedInPaths() {
        Mapping root = (Mapping) parse("fallbacks:\n  openai/whisper.v1: [b]\n");

        YamlNode node = ((Mapping) root.entries().get("fallbacks")).entries().get("openai/whisper.v1");
        assertThat(node.path()).isEqualTo("fallbacks[\"openai/whisper.v1\"]");
    }

    @Test
    void emptyTextIsANullDocument() {
        assertThat(parse("# only a comment\n")).isEqualTo(new Scalar("", 1, Type.NULL, ""));
    }

    @Test
    void secondDocumentIsRejected() {
        ConfigException error = failure("a: 1\n---\nb: 2\n");

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.problem()).startsWith("the file holds a second YAML document");
    }

    @Test
    void aliasOfASingleValueIsRejectedRatherThanMisread() {
        ConfigException error = failure("key: &k sk-1\nother: *k\n");

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.keyPath()).isEqualTo("other");
        assertThat(error.problem()).startsWith("alias *k names no anchor on a map or list above it");
    }

    @Test
    void aliasBombIsStoppedBeforeItExhaustsMemory() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 12; level++) {
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(("*a" + (level - 1) + ", ").repeat(7)).append("*a").append(level - 1).append("]\n");
        }

        assertThat(failure(yaml.toString()).problem())
                .startsWith("the file expands to more than 200000 YAML values through aliases");
    }

    private YamlNode parse(String yaml) {
        return new YamlTreeParser("c.yaml", warnings).parse(yaml);
    }

    private ConfigException failure(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> parse(yaml));
    }
}
