package dev.voxgate.core.render;

/**
 * Writes compact JSON into a string, byte for byte as Jackson 2 writes a tree with its default settings: strings
 * escape only {@code "}, {@code \} and control characters (the short forms where JSON has them, else
 * {@code \}{@code u00XX}), leaving {@code /} and non-ASCII characters as they are; doubles are written as
 * {@link Double#toString(double)} does, and the non-finite ones as quoted strings.
 *
 * <p>The caller pairs every {@code begin} with its {@code end} and gives every value in an object a {@link #name}.
 *
 * <p>Not thread-safe; one per body.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(128);
    // Whether the next name or value follows a sibling and so needs a comma; false right after '{', '[' or a name.
    private boolean afterSibling;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        afterSibling = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        afterSibling = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        afterSibling = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        afterSibling = true;
        return this;
    }

    JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterSibling = false;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        quote(value);
        afterSibling = true;
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        afterSibling = true;
        return this;
    }

    JsonWriter value(double value) {
        separate();
        // Jackson writes NaN and the infinities as strings, since JSON has no literal for them.
        if (Double.isFinite(value)) {
            out.append(Double.toString(value));
        } else {
            out.append('"').append(Double.toString(value)).append('"');
        }
        afterSibling = true;
        return this;
    }

    /** The JSON written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (afterSibling) {
            out.append(',');
        }
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
