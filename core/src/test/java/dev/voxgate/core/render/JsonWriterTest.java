package dev.voxgate.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters() {
        String written = new JsonWriter().value("\"\\/\n\t\r\b\f\u0000\u001b\u007f é 日本 😀").toString();

        assertThat(written).isEqualTo("\"\\\"\\\\/\\n\\t\\r\\b\\f\\u0000\\u001B\u007f é 日本 😀\"");
    }

    @Test
    void doublesAreWrittenAsJavaWritesThemAndNonFiniteOnesAsStrings() {
        String written = new JsonWriter().beginArray().value(0.1).value(1e-7).value(12345678.9).value(6.0)
                .value(Double.NaN).value(Double.NEGATIVE_INFINITY).value(Long.MAX_VALUE).endArray().toString();

        assertThat(written).isEqualTo("[0.1,1.0E-7,1.23456789E7,6.0,\"NaN\",\"-Infinity\",9223372036854775807]");
    }

    @Test
    void nestedObjectsAndArraysAreSeparatedByCommasOnly() {
        String written = new JsonWriter().beginObject().name("a").beginArray().endArray()
                .name("b").beginObject().name("c").value(1).endObject().name("d").value("e").endObject().toString();

        assertThat(written).isEqualTo("{\"a\":[],\"b\":{\"c\":1},\"d\":\"e\"}");
    }
}
