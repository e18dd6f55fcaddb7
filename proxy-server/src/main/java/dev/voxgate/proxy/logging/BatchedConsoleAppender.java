package dev.voxgate.proxy.logging;

import ch.qos.logback.core.OutputStreamAppender;
import java.io.PrintStream;

/**
 * Logback's {@code ConsoleAppender}, writing through a {@link BatchedOutput}: what {@code logback.xml} uses for the
 * text log. Every appender of one target shares one {@link BatchedOutput}, so that their lines keep their order; one
 * started after a stop (logback reconfigured) gets a new one.
 *
 * @param <E> the event type
 */
public final class BatchedConsoleAppender<E> extends OutputStreamAppender<E> {

    private static BatchedOutput stderr;
    private static BatchedOutput stdout;

    private String target = "System.err";

    /** {@code System.err} (the default) or {@code System.out}, as logback's {@code ConsoleAppender} names them. */
    public void setTarget(String target) {
        this.target = target;
    }

    @Override
    public void start() {
        switch (target) {
            case "System.err" -> setOutputStream(standardError());
            case "System.out" -> setOutputStream(standardOutput());
            default -> {
                addError("target must be System.err or System.out, was '" + target + "'");
                return;
            }
        }
        super.start();
    }

    private static synchronized BatchedOutput standardError() {
        if (stderr == null || stderr.isClosed()) {
            stderr = batched(System.err);
        }
        return stderr;
    }

    private static synchronized BatchedOutput standardOutput() {
        if (stdout == null || stdout.isClosed()) {
            stdout = batched(System.out);
        }
        return stdout;
    }

    private static BatchedOutput batched(PrintStream stream) {
        return new BatchedOutput(stream, "voxgate-log-writer");
    }
}
