package dev.voxgate.cli;

import dev.voxgate.core.EnvironmentSource;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a command runs with, from outside: where it prints, whether that is a terminal, the environment it reads keys
 * from, and how it learns of Ctrl-C. {@code main} gives the process's own; tests give their own, so that a run
 * in-process never touches the JVM's streams, environment or shutdown hooks.
 *
 * @param out         progress, per-file lines and the summary
 * @param err         warnings and errors
 * @param terminal    whether {@code out} is a terminal (then progress is a live status line)
 * @param environment provider keys, {@code os.environ/} values and {@code VOXGATE_API_KEY}
 * @param onInterrupt registers what to run on Ctrl-C (SIGINT) or SIGTERM, before the process exits
 */
record Session(PrintStream out, PrintStream err, boolean terminal, EnvironmentSource environment,
               Consumer<Runnable> onInterrupt) {

    Session {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(onInterrupt, "onInterrupt");
    }
}
