package dev.voxgate.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Multipart text fields with OpenAI's conventions: {@code name[]} and repeated {@code name} both make a list;
 * booleans are {@code true}/{@code True}/{@code 1}/{@code yes} or their opposites.
 *
 * <p>Not thread-safe; one per request.
 */
final class FormFields {

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "");

    /** The longest text field accepted, in characters; far above any prompt, far below a memory problem. */
    static final int MAX_VALUE_LENGTH = 64 * 1024;
    private static final int MAX_NAME_LENGTH = 128;

    private final Map<String, List<String>> fields;

    /** The fields as parsed; refuses the request when a name or a value is implausibly long. */
    FormFields(Map<String, List<String>> fields) {
        fields.forEach((name, values) -> {
            if (name.length() > MAX_NAME_LENGTH) {
                throw RequestRejected.badRequest(null, "A form field name is " + name.length() + " characters long; "
                        + "names may have at most " + MAX_NAME_LENGTH + ".");
            }
            values.stream().filter(value -> value.length() > MAX_VALUE_LENGTH).findFirst().ifPresent(value -> {
                throw RequestRejected.badRequest(baseName(name), "'" + baseName(name) + "' is " + value.length()
                        + " characters long; a form field may have at most " + MAX_VALUE_LENGTH + ".");
            });
        });
        this.fields = fields;
    }

    /**
     * {@code value} when it holds no control characters; such names are refused, since they would reach log lines
     * and messages, where a line break could forge an entry.
     */
    static String printable(String name, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw RequestRejected.badRequest(name, "'" + name + "' contains control characters (such as NUL or a line "
                    + "break); name a model group as GET /v1/models lists it.");
        }
        return value;
    }

    /** The field names as sent, including any {@code []} suffix. */
    Set<String> names() {
        return fields.keySet();
    }

    /** The name without a trailing {@code []}. */
    static String baseName(String name) {
        return name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
    }

    /** The field's value; a field sent twice is rejected, since which one was meant is unclear. */
    Optional<String> single(String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw RequestRejected.badRequest(name, "'" + name + "' was sent " + values.size() + " times; send it once.");
        }
        return values.stream().findFirst();
    }

    /** Every value sent under exactly {@code name}, in order. */
    List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** Every value of {@code name[]} and {@code name}, in order. */
    List<String> list(String name) {
        List<String> values = new ArrayList<>(fields.getOrDefault(name + "[]", List.of()));
        values.addAll(fields.getOrDefault(name, List.of()));
        return values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
    }

    /** A boolean field, false when absent. */
    boolean flag(String name) {
        Optional<String> value = single(name);
        if (value.isEmpty()) {
            return false;
        }
        String normalized = value.get().trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(normalized)) {
            return true;
        }
        if (FALSE.contains(normalized)) {
            return false;
        }
        throw RequestRejected.badRequest(name, "'" + name + "' must be true or false, got '" + value.get() + "'.");
    }
}
