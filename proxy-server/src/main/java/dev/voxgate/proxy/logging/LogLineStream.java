package dev.voxgate.proxy.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * What code prints to {@code System.out} or {@code System.err}, turned into log events a line at a time, so that
 * the proxy's start-up lines, the JDK's own warnings and any library's stray prints come out in the log's format
 * too. A line that starts with {@code warning:} is a warning whatever stream it came by.
 *
 * <p>Thread-safe: writes are serialized.
 */
final class LogLineStream extends OutputStream {

    // A line longer than this is logged in pieces rather than held without end.
    private static final int MAX_LINE = 64 * 1024;

    private final Logger logger;
    private final Level level;
    private final OutputStream bypass;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean emitting;

    /**
     * @param bypass where bytes go that the logging itself prints while it logs a line (logback reporting its own
     *               trouble), which would otherwise come back here without end
     */
    LogLineStream(Logger logger, Level level, OutputStream bypass) {
        this.logger = logger;
        this.level = level;
        this.bypass = bypass;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (emitting) {
            bypass.write(b);
        } else if (b == '\n' || line.size() >= MAX_LINE) {
            if (b != '\n') {
                line.write(b);
            }
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (emitting) {
            bypass.flush();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        boolean warning = text.toLowerCase(Locale.ROOT).startsWith("warning:");
        emitting = true;
        try {
            logger.atLevel(warning && level.toInt() < Level.WARN.toInt() ? Level.WARN : level).log(text);
        } finally {
            emitting = false;
        }
    }
}
