package dev.voxgate.proxy.logging;

import ch.qos.logback.core.OutputStreamAppender;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Logback's {@code ConsoleAppender}, writing through a {@link BatchedOutput}: what {@code logback.xml} uses for the
 * text log. Every appender of one target shares one {@link BatchedOutput}, so that their lines keep their order; one
 * started after a stop (logback reconfigured) gets a new one.
 *
 * @param <E> the event type
 */
public final class BatchedConsoleAppender<E> extends OutputStreamAppender<E> {

    // By target name: every appender of one target writes through the same BatchedOutput.
    private static final Map<String, BatchedOutput> SHARED = new HashMap<>();

    private String target = "System.err";

    /** {@code System.err} (the default) or {@code System.out}, as logback's {@code ConsoleAppender} names them. */
    public void setTarget(String target) {
        this.target = target;
    }

    @Override
    public void start() {
        PrintStream stream = switch (target) {
            case "System.err" -> System.err;
            case "System.out" -> System.out;
            default -> null;
        };
        if (stream == null) {
            addError("target must be System.err or System.out, was '" + target + "'");
            return;
        }
        setOutputStream(shared(target, stream));
        super.start();
    }

    private static synchronized BatchedOutput shared(String target, PrintStream stream) {
        BatchedOutput output = SHARED.get(target);
        if (output == null || output.isClosed()) {
            output = new BatchedOutput(stream, "voxgate-log-writer");
            SHARED.put(target, output);
        }
        return output;
    }
}
