package dev.voxgate.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The argument checks the model's records share, each with the message that names the field. */
final class Require {

    private Require() {
    }

    /** {@code value} itself, which must be present and not blank. */
    static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static void positive(Duration value, String field) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    static void positiveBytes(Optional<Long> value, String field) {
        Objects.requireNonNull(value, field).filter(bytes -> bytes <= 0).ifPresent(bytes -> {
            throw new IllegalArgumentException(field + " must be positive, was " + bytes);
        });
    }

    static void nonNegative(Optional<? extends Number> value, String field) {
        Objects.requireNonNull(value, field).filter(number -> !(number.doubleValue() >= 0)).ifPresent(number -> {
            throw new IllegalArgumentException(field + " must be zero or more, was " + number);
        });
    }
}
