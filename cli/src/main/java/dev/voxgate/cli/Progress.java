package dev.voxgate.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a batch shows while it runs: a line per file as it ends ({@code done}, {@code failed} with the reason), and,
 * on a terminal, the {@link Tally#status()} line below them, redrawn in place every second and after every file.
 * Written to a pipe or a file there is no status line, only the plain lines, so that logs stay readable.
 *
 * <p>Thread-safe.
 */
final class Progress implements AutoCloseable {

    // Carriage return, then erase to the end of the line: the status is redrawn where it stood.
    private static final String REDRAW = "\r\u001B[K";

    private final PrintStream out;
    private final Tally tally;
    private final boolean terminal;
    private final ScheduledExecutorService ticker;
    private boolean closed;

    /** Shows {@code tally} on {@code out}; {@code terminal} says whether {@code out} is one. */
    Progress(PrintStream out, Tally tally, boolean terminal) {
        this(out, tally, terminal, Duration.ofSeconds(1));
    }

    /** As above, the status line redrawn every {@code tick} between files too, so that elapsed and ETA move. */
    Progress(PrintStream out, Tally tally, boolean terminal, Duration tick) {
        this.out = out;
        this.tally = tally;
        this.terminal = terminal;
        this.ticker = terminal ? Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("voxgate-progress").factory()) : null;
        if (terminal) {
            ticker.scheduleAtFixedRate(() -> line(null), tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A line for its own sake, such as the batch's plan. */
    void note(String text) {
        line(text);
    }

    void done(Job job, Duration took) {
        line("done    " + job.input() + " -> " + job.output() + " (" + seconds(took) + ")");
    }

    void failed(Job job, String reason) {
        line("failed  " + job.input() + ": " + reason);
    }

    void cancelled(Job job) {
        line("stopped " + job.input() + " (cancelled in flight, no output written)");
    }

    /** Ends the status line, so that what is printed next starts on a line of its own. */
    @Override
    public synchronized void close() {
        if (terminal && !closed) {
            ticker.shutdownNow();
            out.print(REDRAW + tally.status() + System.lineSeparator());
            out.flush();
        }
        closed = true;
    }

    private synchronized void line(String text) {
        if (closed) {
            if (text != null) {
                out.println(text);
            }
        } else if (terminal) {
            out.print(REDRAW + (text == null ? "" : text + System.lineSeparator()) + tally.status());
        } else if (text != null) {
            out.println(text);
        }
        out.flush();
    }

    private static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }
}
