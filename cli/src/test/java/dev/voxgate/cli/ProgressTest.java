package dev.voxgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final Job JOB = new Job(Path.of("rec/a.wav"), Path.of("out/a.srt"));

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Tally tally = new Tally(InstantSource.fixed(Instant.parse("2026-12-07T10:00:00Z")));

    @Test
    void onATerminalEachFileLineGoesAboveTheStatusLineWhichIsRedrawnInPlace() {
        tally.planned(2, 200, 60, 0);
        try (Progress progress = progress(true)) {
            tally.succeeded(100, 30, BigDecimal.ZERO);
            progress.done(JOB, Duration.ofMillis(1500));
        }

        assertThat(text()).isEqualTo("\r\u001B[Kdone    rec/a.wav -> out/a.srt (1.5 s)\n"
                + "[1/2] audio 0:00:30 of 0:01:00 · elapsed 0:00:00 · ETA 0:00:00 · 0 failed"
                + "\r\u001B[K[1/2] audio 0:00:30 of 0:01:00 · elapsed 0:00:00 · ETA 0:00:00 · 0 failed\n");
    }

    @Test
    void elsewhereThereArePlainLinesOnlyWithoutAStatusLineOrEscapes() {
        tally.planned(2, 200, 60, 0);
        try (Progress progress = progress(false)) {
            progress.done(JOB, Duration.ofMillis(1500));
            progress.failed(JOB, "the proxy answered 400: bad audio");
        }

        assertThat(text()).isEqualTo("done    rec/a.wav -> out/a.srt (1.5 s)\n"
                + "failed  rec/a.wav: the proxy answered 400: bad audio\n");
    }

    private Progress progress(boolean terminal) {
        // No redraw between files while the test runs, so that what is printed is exactly what the files caused.
        return new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8), tally, terminal,
                Duration.ofHours(1));
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
