package dev.voxgate.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = RetryBackoff.defaults();
    private final Random random = new Random(3);

    @Test
    void delaysDoubleFromHalfASecondWithUpToAQuarterOfJitter() {
        assertThat(backoff.delay(0, Optional.empty(), random)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(backoff.delay(2, Optional.empty(), random)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
    }

    @Test
    void delaysStopGrowingAtTheMaximum() {
        assertThat(backoff.delay(40, Optional.empty(), random)).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(8));
        assertThat(backoff.delay(Integer.MAX_VALUE, Optional.empty(), random)).isLessThanOrEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aReasonableRetryAfterIsHonouredAsIs() {
        assertThat(backoff.delay(0, Optional.of(Duration.ofSeconds(12)), random)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aRetryAfterBeyondTheLimitFallsBackToExponentialDelays() {
        assertThat(backoff.delay(0, Optional.of(Duration.ofMinutes(5)), random)).isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(0, Optional.of(Duration.ZERO), random)).isLessThanOrEqualTo(Duration.ofMillis(500));
    }
}
