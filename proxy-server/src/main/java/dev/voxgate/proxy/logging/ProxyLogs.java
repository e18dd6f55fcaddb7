package dev.voxgate.proxy.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.slf4j.event.Level;

/**
 * Sets up the proxy's log once its config is read. Text, the default, is what {@code logback.xml} says: readable
 * lines on standard error. JSON ({@code litellm_settings.json_logs}) makes every line the process writes from then on
 * one JSON object on standard output ({@link JsonLineEncoder}): the proxy's own log, Jetty's and Javalin's, the
 * router's {@link System.Logger} lines, {@code java.util.logging}, and whatever is printed to {@code System.out} or
 * {@code System.err}, the proxy's start-up lines among them.
 *
 * <p>Not thread-safe: call from the starting thread, before serving; once the log is JSON it stays JSON for the life
 * of the process.
 */
public final class ProxyLogs {

    private static final String JSON_APPENDER = "json";

    private ProxyLogs() {
    }

    /**
     * Sets up the log, in JSON or as text, and returns where start-up lines are to be printed: {@code out} itself for
     * text, else a stream whose every line becomes a JSON log line written to {@code out}.
     *
     * @throws IllegalStateException when JSON is asked for and SLF4J is not bound to logback
     */
    public static PrintStream configure(boolean json, PrintStream out) {
        // java.util.logging (OkHttp's few warnings, say) reaches the same log; System.Logger gets there through
        // slf4j-jdk-platform-logging, which the JDK finds by itself.
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        return json ? switchToJson(out) : out;
    }

    private static PrintStream switchToJson(PrintStream out) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("json_logs needs logback as the SLF4J binding, found "
                    + factory.getClass().getName());
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(JSON_APPENDER) != null) {
            return System.out; // already JSON: the proxy started before in this process
        }
        OutputStream target = new BatchedOutput(out, "voxgate-log-writer");
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setName(JSON_APPENDER);
        appender.setContext(context);
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        appender.setEncoder(encoder);
        appender.setOutputStream(target);
        appender.start();
        // Every logger that logback.xml gave an appender of its own (the access log's) now goes through the root's.
        for (Logger logger : context.getLoggerList()) {
            logger.detachAndStopAllAppenders();
            logger.setAdditive(true);
        }
        root.addAppender(appender);
        // The JDK's warnings and any library's prints arrive on these; a line logged while logging goes out as is.
        PrintStream console = lines("stdout", Level.INFO, target);
        System.setOut(console);
        System.setErr(lines("stderr", Level.WARN, target));
        return console;
    }

    /** Writes out what the appenders still hold and stops logging: the last thing the proxy does before it halts. */
    public static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    private static PrintStream lines(String loggerName, Level level, OutputStream bypass) {
        return new PrintStream(new LogLineStream(LoggerFactory.getLogger(loggerName), level, bypass), true,
                StandardCharsets.UTF_8);
    }
}
