package dev.voxgate.keys;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's durations for {@code duration} and {@code budget_duration}: a whole number and a unit, {@code 30s},
 * {@code 10m}, {@code 1h}, {@code 30d}, {@code 2w}, {@code 1mo} (30 days).
 */
public final class DurationText {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d|w|mo)");

    private DurationText() {
    }

    /** @throws IllegalArgumentException naming the accepted shapes, when {@code text} is none of them */
    public static Duration parse(String text) {
        Matcher matcher = SHAPE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a positive whole number and "
                    + "a unit, such as 30s, 10m, 1h, 30d, 2w or 1mo");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            case "w" -> Duration.ofDays(7 * amount);
            default -> Duration.ofDays(30 * amount);
        };
    }
}
