package dev.voxgate.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The timing detail a caller asks for in {@code verbose_json}: per word, per segment, or both. */
public enum TimestampGranularity {
    WORD("word"),
    SEGMENT("segment");

    private final String wireName;

    TimestampGranularity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TimestampGranularity> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(value -> value.wireName.equals(wanted)).findFirst();
    }
}
