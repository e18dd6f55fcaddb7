package dev.voxgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TallyTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    private final Tally tally = new Tally(now::get);

    private void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    @Test
    void theEtaIsTheTimePerByteSoFarTimesTheBytesLeft() {
        tally.planned(4, 4_000, 7_200, 1);
        assertThat(tally.status()).isEqualTo("[0/4] audio 0:00:00 of 2:00:00 · elapsed 0:00:00 · ETA -- · 0 failed");

        advance(Duration.ofSeconds(10));
        tally.succeeded(1_000, 1_800, new BigDecimal("0.18"));

        assertThat(tally.status())
                .isEqualTo("[1/4] audio 0:30:00 of 2:00:00 · elapsed 0:00:10 · ETA 0:00:30 · 0 failed");
    }

    @Test
    void theSummaryCountsEveryFileAddsTheCostAndNamesEachFailureWithItsReason() {
        tally.planned(3, 300, 30, 2);
        advance(Duration.ofSeconds(65));
        tally.succeeded(100, 12.5, new BigDecimal("0.0012"));
        tally.succeeded(100, 12.5, new BigDecimal("0.0013"));
        tally.failed(Path.of("clips/broken.wav"), 100, "not audio in a known format");

        assertThat(tally.summary()).containsExactly(
                "5 files: 2 transcribed, 2 skipped (output already there), 1 failed, in 0:01:05",
                "audio 0:00:25, cost $0.0025",
                "failed:",
                "  clips/broken.wav: not audio in a known format");
        assertThat(tally.allSucceeded()).isFalse();
    }

    @Test
    void onlyABatchWhoseEveryFileHasItsTranscriptSucceeded() {
        tally.planned(2, 200, 0, 0);
        tally.succeeded(100, 0, BigDecimal.ZERO);
        assertThat(tally.allSucceeded()).as("one file not done yet").isFalse();

        tally.succeeded(100, 0, BigDecimal.ZERO);
        assertThat(tally.allSucceeded()).isTrue();

        tally.interrupted();
        assertThat(tally.allSucceeded()).as("interrupted").isFalse();
    }

    @Test
    void anInterruptedBatchSaysSoAndCountsWhatWasCancelledAndWhatNeverStarted() {
        tally.planned(4, 400, 0, 0);
        tally.succeeded(100, 3, BigDecimal.ZERO);
        tally.cancelled();
        tally.interrupted();

        assertThat(tally.summary().getFirst()).isEqualTo("Interrupted: 4 files: 1 transcribed, 0 skipped (output "
                + "already there), 0 failed, 1 cancelled in flight (no output written), 2 not started, in 0:00:00");
    }
}
