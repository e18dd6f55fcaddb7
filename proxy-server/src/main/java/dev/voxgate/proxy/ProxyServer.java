package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.RoutedTranscriptionException;
import dev.voxgate.router.Router;
import dev.voxgate.tracing.Tracing;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of Voxgate: OpenAI's audio transcription endpoints, the model list and health probes, on Javalin
 * with one virtual thread per request, so thousands of slow vendor calls can be in flight at once.
 *
 * <p>{@link #close()} drains: it stops accepting connections at once, lets requests in flight finish for up to
 * {@link ProxySettings#drainTimeout()}, then cuts what is left.
 *
 * <p>Thread-safe. {@link #start()} once, {@link #close()} once.
 */
public final class ProxyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);
    private static final Set<String> OPEN_PATHS = Set.of("/health/liveliness", "/health/readiness");
    private static final String VERSION = "0.1.0";
    private static final Duration IDLE_CONNECTION_GRACE = Duration.ofMillis(100);
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

    private final Router router;
    private final Authenticator authenticator;
    private final ObjectMapper json;
    private final ProxySettings settings;
    private final ErrorWriter errors;
    private final String modelList;
    private final RequestTracing tracing;
    private final Javalin app;

    /**
     * A server for {@code router}, whose calls with a client's own credentials run on it too, its requests traced by
     * {@code tracing}.
     */
    ProxyServer(Router router, Authenticator authenticator, ObjectMapper json, ProxySettings settings,
                Tracing tracing) {
        this.errors = new ErrorWriter(Objects.requireNonNull(json, "json"));
        this.json = json;
        this.router = Objects.requireNonNull(router, "router");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.modelList = modelList();
        this.tracing = new RequestTracing(tracing);
        this.app = Javalin.create(this::configure);
    }

    /** Binds the configured host and port and starts serving. */
    public ProxyServer start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The model groups served, in config order. */
    public List<ModelGroup> modelGroups() {
        return router.modelGroups();
    }

    /** Stops accepting connections, lets requests in flight finish within the drain time, and shuts down. */
    @Override
    public void close() {
        LOG.info("stopping: requests in flight may take up to {} ms to finish", settings.drainTimeout().toMillis());
        // Keep-alive connections with no request on them need not linger through the drain (Jetty gives them 1 s).
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector jettyConnector) {
                jettyConnector.setShutdownIdleTimeout(IDLE_CONNECTION_GRACE.toMillis());
            }
        }
        try {
            app.stop();
        } catch (JavalinException e) {
            // Jetty stops everything regardless, then reports the drain time running out as a timeout.
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            LOG.warn("the drain time ({} ms) ran out: requests still in flight were cut",
                    settings.drainTimeout().toMillis());
        } finally {
            tracing.close();
        }
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.concurrency.useVirtualThreads = true;
        // One budget for every upload in flight, whichever route it came by.
        UploadMemory uploadMemory = new UploadMemory(settings);
        configureJetty(config, uploadMemory);
        TranscriptionHandler transcriptions = new TranscriptionHandler(AudioTask.TRANSCRIBE, router,
                json, settings, uploadMemory);
        TranscriptionHandler translations = new TranscriptionHandler(AudioTask.TRANSLATE, router,
                json, settings, uploadMemory);
        tracing.install(config);
        config.routes.before(this::authenticate);
        config.routes.post("/v1/audio/transcriptions", transcriptions);
        config.routes.post("/audio/transcriptions", transcriptions);
        config.routes.post("/v1/audio/translations", translations);
        config.routes.post("/audio/translations", translations);
        // Azure OpenAI clients work by changing only their endpoint; api-version is accepted whatever it says.
        String azure = "/openai/deployments/{" + TranscriptionHandler.AZURE_DEPLOYMENT + "}/audio/";
        config.routes.post(azure + "transcriptions", transcriptions);
        config.routes.post(azure + "translations", translations);
        config.routes.get("/v1/models", this::models);
        config.routes.get("/models", this::models);
        config.routes.get("/health/liveliness", ctx -> ctx.contentType("application/json").result("\"I'm alive!\""));
        config.routes.get("/health/readiness", this::readiness);
        config.routes.exception(RequestRejected.class, (e, ctx) -> errors.write(ctx, e.error()));
        config.routes.exception(TranscriptionException.class, this::transcriptionFailed);
        config.routes.exception(HttpResponseException.class, this::frameworkRefused);
        config.routes.exception(Exception.class, this::unexpected);
    }

    // The connector, draining and Jetty's own error pages. Upload limits are UploadMemory's: the handlers read the
    // form with Jetty's core parser, not through Javalin's or the servlet API's multipart settings.
    private void configureJetty(JavalinConfig config, UploadMemory uploadMemory) {
        config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(HEADER_CACHE));
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, null, null, bufferPool(uploadMemory), -1, -1,
                    new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            connector.getConnectionFactory(HttpConnectionFactory.class).setInputBufferSize(INPUT_BUFFER);
            return connector;
        });
        config.jetty.modifyServer(server -> {
            // Jetty's graceful stop closes the connector, then waits for what the GracefulHandler counts in flight.
            server.setStopTimeout(settings.drainTimeout().toMillis());
            server.insertHandler(new GracefulHandler());
            server.setErrorHandler(new OpenAiErrorPages(errors));
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

    private void authenticate(Context ctx) {
        RoutingHeaders.identify(ctx);
        if (OPEN_PATHS.contains(ctx.path())) {
            return;
        }
        authenticator.check(ctx.header("Authorization"), ctx.header("api-key")).ifPresent(error -> {
            throw new RequestRejected(error);
        });
    }

    private void models(Context ctx) {
        ctx.contentType("application/json").result(modelList);
    }

    private String modelList() {
        long created = Instant.now().getEpochSecond();
        ObjectNode list = json.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        router.modelGroups().forEach(group -> data.addObject()
                .put("id", group.name()).put("object", "model").put("created", created).put("owned_by", "voxgate"));
        return list.toString();
    }

    private void readiness(Context ctx) {
        ObjectNode body = json.createObjectNode().put("status", "healthy").put("voxgate_version", VERSION)
                .put("model_groups", router.modelGroups().size());
        ctx.contentType("application/json").result(body.toString());
    }

    // Javalin's own refusals (no such route, method not allowed) in OpenAI's shape.
    private void frameworkRefused(HttpResponseException e, Context ctx) {
        OpenAiError error = e.getStatus() == 404
                ? OpenAiError.notFound("Unknown route " + ctx.method() + " " + ctx.path()
                        + ". Transcriptions are POST /v1/audio/transcriptions; models are GET /v1/models.")
                : OpenAiError.status(e.getStatus(), e.getMessage());
        errors.write(ctx, error);
    }

    private void transcriptionFailed(TranscriptionException e, Context ctx) {
        OpenAiError error = OpenAiError.of(e.failure());
        if (e instanceof RoutedTranscriptionException routed) {
            RoutingHeaders.describe(ctx, routed.report());
        }
        LOG.warn("{} {} [{}] -> {}: {}", ctx.method(), ctx.path(), ctx.res().getHeader(RoutingHeaders.REQUEST_ID),
                error.status(), error.message());
        errors.write(ctx, error);
    }

    private void unexpected(Exception e, Context ctx) {
        UploadProblem.classify(e, settings.maxUploadBytes()).ifPresentOrElse(error -> errors.write(ctx, error), () -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            errors.write(ctx, OpenAiError.internal());
        });
    }
}
