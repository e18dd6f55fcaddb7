package dev.voxgate.proxy;

import dev.voxgate.proxy.logging.ProxyLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the proxy when the process is asked to end (SIGTERM, as {@code docker stop}, Kubernetes and systemd send it,
 * or Ctrl-C): in-flight requests get the drain time to finish, then the process exits with status 0, since stopping
 * on request is a success rather than the JVM's default 143 for a signal.
 */
final class TerminationHook {

    private static final Logger LOG = LoggerFactory.getLogger(TerminationHook.class);

    private TerminationHook() {
    }

    static void install(ProxyServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "voxgate-shutdown"));
    }

    private static void stop(ProxyServer server) {
        int status = 0;
        try {
            server.close();
            LOG.info("stopped");
        } catch (RuntimeException e) {
            LOG.error("could not stop cleanly", e);
            status = 1;
        }
        ProxyLogs.flush();
        // From within a shutdown hook only halt() can still set the exit status (it also ends any hook still running).
        Runtime.getRuntime().halt(status);
    }
}
