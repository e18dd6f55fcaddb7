package dev.voxgate.config.litellm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a parsed YAML file, with where it sits: its key path (e.g. {@code model_list[1].litellm_params}) and
 * the 1-based line that names it (the key's line for a map value, the item's line in a list). This is the only
 * untyped view of a config file; readers turn it into records straight away.
 */
sealed interface YamlNode {

    String path();

    int line();

    /** What the node is, for messages such as "must be a map, not a list". */
    String kind();

    /** A map, keys in file order. */
    record Mapping(String path, int line, Map<String, YamlNode> entries) implements YamlNode {
        public Mapping {
            Objects.requireNonNull(path, "path");
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    /** A list. */
    record Sequence(String path, int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            Objects.requireNonNull(path, "path");
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A single value. {@code text} is the string itself, {@code true}/{@code false}, a number in plain form
     * (e.g. {@code 0x1F} becomes {@code 31}), or empty for a null.
     */
    record Scalar(String path, int line, Type type, String text) implements YamlNode {
        public Scalar {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(text, "text");
        }

        boolean isNull() {
            return type == Type.NULL;
        }

        @Override
        public String kind() {
            return type.description;
        }
    }

    /** The YAML type of a scalar, as PyYAML (and so LiteLLM) would read it. */
    enum Type {
        TEXT("text"), INTEGER("a whole number"), DECIMAL("a number"), BOOLEAN("true/false"), NULL("empty");

        private final String description;

        Type(String description) {
            this.description = description;
        }
    }

    /** The path of {@code key} inside the map at {@code parent}. */
    static String childPath(String parent, String key) {
        boolean plain = !key.isEmpty() && key.chars().noneMatch(c -> c == '.' || c == '[' || c == ']'
                || Character.isWhitespace(c));
        String segment = plain ? key : "[\"" + key + "\"]";
        if (parent.isEmpty()) {
            return segment;
        }
        return plain ? parent + "." + segment : parent + segment;
    }

    /** The path of item {@code index} of the list at {@code parent}. */
    static String itemPath(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
