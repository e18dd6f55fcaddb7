package dev.voxgate.it;

import dev.voxgate.proxy.ProxyMain;
import java.util.logging.Logger;

/**
 * The proxy's own {@code main}, then one line through each way a JVM program may log besides SLF4J: the JDK's
 * {@link System.Logger} (the router's), {@code java.util.logging}, and plain prints to both standard streams, so
 * that a test of the jar can see where each ends up.
 */
public final class LoggingFrontDoors {

    static final String DONE = "front doors done";

    private LoggingFrontDoors() {
    }

    public static void main(String[] args) {
        ProxyMain.main(args);
        System.getLogger("probe.system-logger").log(System.Logger.Level.WARNING, "a line through System.Logger");
        Logger.getLogger("probe.jul").warning("a line through java.util.logging");
        System.err.println("a line printed on standard error");
        System.out.println(DONE);
    }
}
