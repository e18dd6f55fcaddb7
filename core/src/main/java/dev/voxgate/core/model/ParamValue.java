package dev.voxgate.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one vendor parameter, as {@code litellm_params} or a caller gives it: one text (numbers and booleans
 * as written), a list ({@code keywords: [a, b]}, or the repeated form fields {@code keywords[]=a&keywords[]=b}), or a
 * map of texts ({@code chunking_strategy: {type: server_vad}}, or {@code chunking_strategy[type]=server_vad}). Each
 * adapter decides how the value goes on the wire (repeated form fields, repeated query keys, JSON).
 *
 * <p>Parameters are keyed by their root name, without brackets: {@code keywords[]} and {@code keywords} are one
 * parameter. Within one source a name given again extends it (a second {@code keyterm} makes a list); a request's
 * value replaces the deployment's value of the same name, as LiteLLM's call arguments replace its
 * {@code litellm_params}.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ParamValue {

    /** One value, e.g. {@code true}, {@code 0.5}, {@code nova-3}. */
    record Text(String value) implements ParamValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public List<String> values() {
            return List.of(value);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** A list, sent as repeated fields or keys. */
    record Values(List<String> values) implements ParamValue {
        public Values {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    /** A map of texts, e.g. {@code {type=server_vad, threshold=0.5}}, in the order given. */
    record Fields(Map<String, String> fields) implements ParamValue {
        public Fields {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields,
                    "fields")));
            fields.forEach((key, value) -> Objects.requireNonNull(value, "fields." + key));
        }

        /** A map's entries are not a list; {@code key=value} pairs stand for them where a list is read. */
        @Override
        public List<String> values() {
            return fields.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
        }

        @Override
        public String toString() {
            return fields.toString();
        }
    }

    static ParamValue text(String value) {
        return new Text(value);
    }

    static ParamValue values(List<String> values) {
        return new Values(values);
    }

    static ParamValue fields(Map<String, String> fields) {
        return new Fields(fields);
    }

    /** The values as a list: a text is a list of one. */
    List<String> values();

    /** What kind of value it is, for messages: {@code a text}, {@code a list}, {@code a map}. */
    default String kind() {
        return switch (this) {
            case Text text -> "a text";
            case Values values -> "a list";
            case Fields fields -> "a map";
        };
    }

    /** {@code keywords[]} → {@code keywords}, {@code chunking_strategy[type]} → {@code chunking_strategy}. */
    static String root(String name) {
        int bracket = name.indexOf('[');
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    /**
     * Adds a form-style {@code name=value} to {@code params}: {@code name[]} adds to a list, {@code name[key]} to a
     * map, a plain name sets a text, or, given again, makes a list of every value. The key is the root name.
     *
     * @throws IllegalArgumentException when the name mixes a map with a list or a text
     */
    static void add(Map<String, ParamValue> params, String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        String root = requireRoot(name);
        ParamValue earlier = params.get(root);
        String key = name.endsWith("]") && !name.endsWith("[]")
                ? name.substring(root.length() + 1, name.length() - 1) : null;
        ParamValue added;
        if (key != null) {
            if (earlier != null && !(earlier instanceof Fields)) {
                throw mixed(root);
            }
            Map<String, String> fields = new LinkedHashMap<>(earlier == null ? Map.of() : ((Fields) earlier).fields());
            fields.put(key, value);
            added = new Fields(fields);
        } else if (earlier instanceof Fields) {
            throw mixed(root);
        } else if (earlier != null || name.endsWith("[]")) {
            List<String> values = new ArrayList<>(earlier == null ? List.of() : earlier.values());
            values.add(value);
            added = new Values(values);
        } else {
            added = new Text(value);
        }
        params.put(root, added);
    }

    /** Copies {@code params} keyed by root name; a text under a bracketed name is read as {@link #add} reads it. */
    static Map<String, ParamValue> normalized(Map<String, ParamValue> params) {
        Map<String, ParamValue> normalized = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            Objects.requireNonNull(value, "params." + name);
            if (value instanceof Text text && !root(name).equals(name)) {
                add(normalized, name, text.value());
            } else {
                normalized.put(requireRoot(name), value);
            }
        });
        return java.util.Collections.unmodifiableMap(normalized);
    }

    private static String requireRoot(String name) {
        String root = root(name);
        if (root.isBlank()) {
            throw new IllegalArgumentException("parameter name '" + name + "' has no name before its bracket");
        }
        return root;
    }

    private static IllegalArgumentException mixed(String root) {
        return new IllegalArgumentException("parameter '" + root + "' is given both as a map (" + root
                + "[key]) and as a value or list: use one form");
    }
}
