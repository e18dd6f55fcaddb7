package dev.voxgate.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a key or a team may spend, in US dollars, and when its spend starts again from zero.
 *
 * @param max      the most it may spend; empty is no budget
 * @param duration how often the spend resets ({@code 30d}, {@code 1h}: {@link DurationText}); empty is never
 * @param resetAt  when the spend next resets; present exactly when {@code duration} is
 */
public record Budget(Optional<BigDecimal> max, Optional<String> duration, Optional<Instant> resetAt) {

    public Budget {
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(resetAt, "resetAt");
        max.ifPresent(value -> {
            if (value.signum() < 0) {
                throw new IllegalArgumentException("max_budget must not be negative, was " + value);
            }
        });
    }

    public static Budget none() {
        return new Budget(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A budget of {@code max} that resets every {@code duration} from {@code now}. */
    public static Budget of(Optional<BigDecimal> max, Optional<String> duration, Instant now) {
        return new Budget(max, duration, duration.map(text -> now.plus(DurationText.parse(text))));
    }

    /** The spend that counts at {@code now}: none once the reset time has passed, until the store has reset it. */
    BigDecimal current(BigDecimal spend, Instant now) {
        return ended(now) ? BigDecimal.ZERO : spend;
    }

    /** This budget at {@code now}: a period that has ended gives way to the next, counted from {@code now}. */
    Budget at(Instant now) {
        return ended(now) ? of(max, duration, now) : this;
    }

    private boolean ended(Instant now) {
        return resetAt.filter(reset -> !now.isBefore(reset)).isPresent();
    }

    /** Whether {@code spend} leaves nothing of the budget: LiteLLM refuses at or over {@code max_budget}. */
    boolean spent(BigDecimal spend) {
        return max.filter(limit -> spend.compareTo(limit) >= 0).isPresent();
    }
}
