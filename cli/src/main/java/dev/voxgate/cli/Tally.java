package dev.voxgate.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The running count of a batch: files done, skipped, failed (with their reasons) and cancelled; audio time and
 * bytes done out of the batch's; cost; and the time since the start, from which the ETA is the time per byte so far
 * times the bytes left (bytes, because they are known for every file, and long files take long).
 *
 * <p>Thread-safe: every method holds the tally's lock.
 */
final class Tally {

    /** A file that got no transcript, and why. */
    record Failure(Path file, String reason) {
    }

    private final InstantSource clock;
    private final Instant start;
    private int toDo;
    private int done;
    private int skipped;
    private int cancelled;
    private final List<Failure> failures = new ArrayList<>();
    private double audioSecondsToDo;
    private double audioSecondsDone;
    private long bytesToDo;
    private long bytesProcessed;
    private BigDecimal cost = BigDecimal.ZERO;
    private Optional<String> ended = Optional.empty();
    private boolean interrupted;

    Tally(InstantSource clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    synchronized void planned(int files, long bytes, double audioSeconds, int alreadyDone) {
        toDo = files;
        bytesToDo = bytes;
        audioSecondsToDo = audioSeconds;
        skipped = alreadyDone;
    }

    synchronized void succeeded(long bytes, double audioSeconds, BigDecimal paid) {
        done++;
        bytesProcessed += bytes;
        audioSecondsDone += audioSeconds;
        cost = cost.add(paid);
    }

    synchronized void failed(Path file, long bytes, String reason) {
        failures.add(new Failure(file, reason));
        bytesProcessed += bytes;
    }

    synchronized void cancelled() {
        cancelled++;
    }

    /** The batch stopped starting files, because every other one would fail for {@code reason}. */
    synchronized void endedBy(String reason) {
        if (ended.isEmpty()) {
            ended = Optional.of(reason);
        }
    }

    /** The batch was stopped by Ctrl-C (or SIGTERM). */
    synchronized void interrupted() {
        interrupted = true;
    }

    /** Whether every file has its transcript: none failed, none cancelled, none left unstarted. */
    synchronized boolean allSucceeded() {
        return failures.isEmpty() && cancelled == 0 && !interrupted && ended.isEmpty() && done == toDo;
    }

    /**
     * The live status line, e.g. {@code [3/5] audio 0:00:18 of 0:00:30 · elapsed 0:00:04 · ETA 0:00:03 · 1 failed}:
     * files ended of those to do, audio time transcribed of the batch's (as the files' headers give it).
     */
    synchronized String status() {
        Duration elapsed = elapsed();
        String eta = bytesProcessed == 0 || bytesProcessed >= bytesToDo ? "--"
                : clockTime(elapsed.multipliedBy(bytesToDo - bytesProcessed).dividedBy(bytesProcessed).toSeconds());
        return "[" + (done + failures.size()) + "/" + toDo + "] audio " + clockTime((long) audioSecondsDone) + " of "
                + clockTime((long) audioSecondsToDo) + " · elapsed " + clockTime(elapsed.toSeconds()) + " · ETA "
                + eta
                + " · " + failures.size() + " failed";
    }

    /** The closing lines: what was done, the audio time, the cost, and each failure with its reason. */
    synchronized List<String> summary() {
        List<String> lines = new ArrayList<>();
        int files = toDo + skipped;
        int notStarted = toDo - done - failures.size() - cancelled;
        lines.add((interrupted ? "Interrupted: " : "") + files + " file" + (files == 1 ? "" : "s") + ": " + done
                + " transcribed, " + skipped + " skipped (output already there), " + failures.size() + " failed"
                + (cancelled > 0 ? ", " + cancelled + " cancelled in flight (no output written)" : "")
                + (notStarted > 0 ? ", " + notStarted + " not started" : "") + ", in "
                + clockTime(elapsed().toSeconds()));
        lines.add("audio " + clockTime((long) audioSecondsDone) + ", cost $"
                + cost.stripTrailingZeros().toPlainString());
        ended.ifPresent(reason -> lines.add("stopped early: " + reason));
        if (!failures.isEmpty()) {
            lines.add("failed:");
            failures.forEach(failure -> lines.add("  " + failure.file() + ": " + failure.reason()));
        }
        return lines;
    }

    synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    private Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    /** {@code H:MM:SS}. */
    static String clockTime(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
