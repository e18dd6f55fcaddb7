package dev.voxgate.providers.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Reads how long a vendor asks us to wait: {@code retry-after-ms} (milliseconds, as OpenAI and Azure send it), else
 * {@code Retry-After} as seconds or as an HTTP date.
 */
final class RetryAfter {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

    private RetryAfter() {
    }

    static Optional<Duration> from(Headers headers, Instant now) {
        Optional<Duration> millis = number(headers.get("retry-after-ms"))
                .map(value -> Duration.ofNanos(Math.round(value * 1_000_000)));
        if (millis.isPresent()) {
            return millis;
        }
        String retryAfter = headers.get("Retry-After");
        Optional<Duration> seconds = number(retryAfter).map(value -> Duration.ofMillis(Math.round(value * 1000)));
        if (seconds.isPresent() || retryAfter == null) {
            return seconds;
        }
        Instant date = headers.getInstant("Retry-After");
        if (date == null) {
            return Optional.empty();
        }
        Duration until = Duration.between(now, date);
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
    }

    private static Optional<Double> number(String value) {
        if (value == null || !NUMBER.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(value.strip()));
    }
}
