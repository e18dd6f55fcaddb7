package dev.voxgate.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamValueTest {

    @Test
    void formNamesBecomeTextsListsAndMapsByRootName() {
        Map<String, ParamValue> params = new LinkedHashMap<>();
        ParamValue.add(params, "keywords[]", "a");
        ParamValue.add(params, "keywords[]", "b");
        ParamValue.add(params, "keyterm", "x");
        ParamValue.add(params, "keyterm", "y");
        ParamValue.add(params, "chunking_strategy[type]", "server_vad");
        ParamValue.add(params, "smart_format", "true");

        assertThat(params).containsExactly(
                Map.entry("keywords", ParamValue.values(List.of("a", "b"))),
                Map.entry("keyterm", ParamValue.values(List.of("x", "y"))),
                Map.entry("chunking_strategy", ParamValue.fields(Map.of("type", "server_vad"))),
                Map.entry("smart_format", ParamValue.text("true")));
    }

    @Test
    void aMapAndAValueUnderOneNameAreRefused() {
        Map<String, ParamValue> params = new LinkedHashMap<>();
        ParamValue.add(params, "chunking_strategy", "auto");

        assertThatThrownBy(() -> ParamValue.add(params, "chunking_strategy[type]", "server_vad"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use one form");
    }

    @Test
    void normalizingKeysByRootReadsBracketedTextsAsTheFormDoes() {
        Map<String, ParamValue> given = new LinkedHashMap<>();
        given.put("include[]", ParamValue.text("logprobs"));
        given.put("chunking_strategy[type]", ParamValue.text("server_vad"));
        given.put("keyterm", ParamValue.values(List.of("a")));

        assertThat(ParamValue.normalized(given)).containsExactly(
                Map.entry("include", ParamValue.values(List.of("logprobs"))),
                Map.entry("chunking_strategy", ParamValue.fields(Map.of("type", "server_vad"))),
                Map.entry("keyterm", ParamValue.values(List.of("a"))));
        assertThatThrownBy(() -> ParamValue.normalized(Map.of("[]", ParamValue.text("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no name before its bracket");
    }

    @Test
    void typesSayWhatDoesNotFit() {
        assertThat(ParamType.NUMBER.problem(ParamValue.text("fast"))).contains("takes a number, not \"fast\"");
        assertThat(ParamType.NUMBER.problem(ParamValue.text("0.8"))).isEmpty();
        assertThat(ParamType.BOOLEAN.problem(ParamValue.text("True"))).isEmpty();
        assertThat(ParamType.LIST.problem(ParamValue.text("one"))).isEmpty();
        assertThat(ParamType.LIST.problem(ParamValue.fields(Map.of("a", "b")))).contains("takes a list, not a map");
        assertThat(ParamType.TEXT_OR_MAP.problem(ParamValue.values(List.of("a")))).isPresent();
    }
}
