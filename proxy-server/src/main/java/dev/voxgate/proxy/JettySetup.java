package dev.voxgate.proxy;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * How the proxy sets Jetty up under Javalin: its connector (backlog, read buffer, header cache, buffer pool), the
 * graceful drain on stop, OpenAI-shaped error pages and the server's meters.
 *
 * <p>Immutable; {@link #apply} once per server.
 */
final class JettySetup {

    // Thousands of clients may connect at once. Jetty's default (0) leaves the JDK's backlog of 50, and a client
    // whose handshake overflowed it finds its connection reset once it has sent its request. The kernel caps the
    // value at net.core.somaxconn.
    private static final int ACCEPT_QUEUE = 4096;
    // Jetty's per-connection cache of parsed header fields (default 1,024 entries) is a trie of about 100 KiB on every
    // open connection: 200 MB of heap with 2,000 clients connected. The proxy's few headers per request are cheap to
    // parse again.
    private static final int HEADER_CACHE = 0;
    // Jetty reads a connection 8 KiB at a time by default: 13 reads, and as many wake-ups of the request's virtual
    // thread and passes of the multipart parser, for a 100 KiB upload. The buffer comes from Jetty's pool only while
    // bytes are waiting to be parsed, so idle connections hold none. Measured with bench/run.sh (100 KiB, 64 clients):
    // proxy CPU per request 450 -> 350 us, throughput +25%; 128 KiB gained nothing more.
    private static final int INPUT_BUFFER = 64 * 1024;

    private final ProxySettings settings;
    private final UploadMemory uploadMemory;
    private final MetricsEndpoint metrics;
    private final ErrorWriter errors;

    JettySetup(ProxySettings settings, UploadMemory uploadMemory, MetricsEndpoint metrics, ErrorWriter errors) {
        this.settings = settings;
        this.uploadMemory = uploadMemory;
        this.metrics = metrics;
        this.errors = errors;
    }

    // The connector, draining and Jetty's own error pages. Upload limits are UploadMemory's: the handlers read the
    // form with Jetty's core parser, not through Javalin's or the servlet API's multipart settings.
    void apply(JavalinConfig config) {
        config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(HEADER_CACHE));
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, null, null, bufferPool(uploadMemory), -1, -1,
                    new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            connector.getConnectionFactory(HttpConnectionFactory.class).setInputBufferSize(INPUT_BUFFER);
            metrics.instrument(connector);
            return connector;
        });
        config.jetty.modifyServer(server -> {
            // Jetty's graceful stop closes the connector, then waits for what the GracefulHandler counts in flight.
            server.setStopTimeout(settings.drainTimeout().toMillis());
            server.insertHandler(new GracefulHandler());
            server.setErrorHandler(new OpenAiErrorPages(errors));
            metrics.instrument(server);
        });
    }

    // Uploads kept in memory stay in the network buffers they were read into, so Jetty's pool must be allowed to keep as
    // much as the uploads in flight may hold. Its default cap (an eighth of the heap) is below that: past it every
    // released buffer is dropped, the next read allocates a new one, and the dropped ones hold their native memory
    // until a full collection. Measured with 64 uploads of 1 MiB in flight: 1,642 direct buffers (99 MB) and growing
    // with the default cap.
    private static ByteBufferPool bufferPool(UploadMemory uploadMemory) {
        return new ArrayByteBufferPool(0, -1, -1, Integer.MAX_VALUE, 0, uploadMemory.budget());
    }
}
