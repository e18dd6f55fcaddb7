package dev.voxgate.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of value a vendor parameter takes, as a provider declares it; what a config or a call gives is checked
 * against it before anything is sent.
 */
public enum ParamType {
    /** Any text. */
    TEXT,
    /** A number, e.g. {@code 0.5}. */
    NUMBER,
    /** {@code true} or {@code false} (any case, as LiteLLM's {@code True}). */
    BOOLEAN,
    /** A list of texts; one text is a list of one. */
    LIST,
    /** A map of texts, e.g. {@code chunking_strategy: {type: server_vad}}. */
    MAP,
    /** A text or a map, e.g. OpenAI's {@code chunking_strategy}: {@code auto} or {@code {type: server_vad}}. */
    TEXT_OR_MAP,
    /** Whatever the vendor takes; it decides (a parameter named in {@code model_info.supported_params}). */
    ANY;

    /** Why {@code value} does not fit, e.g. {@code takes a number, not "fast"}; empty when it fits. */
    public Optional<String> problem(ParamValue value) {
        return switch (this) {
            case ANY -> Optional.empty();
            case LIST -> value instanceof ParamValue.Fields ? Optional.of("takes a list, not a map")
                    : Optional.empty();
            case MAP -> value instanceof ParamValue.Fields ? Optional.empty()
                    : Optional.of("takes a map (name[key]=value), not " + value.kind());
            case TEXT_OR_MAP -> value instanceof ParamValue.Values ? Optional.of("takes a text or a map, not a list")
                    : Optional.empty();
            case TEXT, NUMBER, BOOLEAN -> value instanceof ParamValue.Text text ? textProblem(text.value())
                    : Optional.of("takes " + article() + ", not " + value.kind());
        };
    }

    private Optional<String> textProblem(String text) {
        String stripped = text.strip();
        if (this == NUMBER && !stripped.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Optional.of("takes a number, not \"" + text + "\"");
        }
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (this == BOOLEAN && !lower.equals("true") && !lower.equals("false")) {
            return Optional.of("takes true or false, not \"" + text + "\"");
        }
        return Optional.empty();
    }

    private String article() {
        return switch (this) {
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            default -> "a text";
        };
    }
}
