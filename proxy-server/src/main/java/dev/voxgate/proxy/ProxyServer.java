package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.keys.Access;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of Voxgate: OpenAI's audio transcription endpoints, the model list, health probes, Prometheus
 * metrics and the console at {@code /ui}, on Javalin with one virtual thread per request, so thousands of slow vendor calls can be in flight at once.
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

    private final Router router;
    private final Authenticator authenticator;
    private final ObjectMapper json;
    private final ProxySettings settings;
    private final ErrorWriter errors;
    private final String modelList;
    private final ServerFeatures features;
    private final RequestTracing tracing;
    private final Javalin app;

    /** A server for {@code router} with the features every server has: {@code /metrics} with its own meters. */
    ProxyServer(Router router, Authenticator authenticator, ObjectMapper json, ProxySettings settings) {
        this(router, authenticator, json, settings, ServerFeatures.basic());
    }

    /**
     * A server for {@code router}, whose calls with a client's own credentials run on it too, serving
     * {@code features} besides OpenAI's routes.
     */
    ProxyServer(Router router, Authenticator authenticator, ObjectMapper json, ProxySettings settings,
                ServerFeatures features) {
        this.features = Objects.requireNonNull(features, "features");
        this.tracing = new RequestTracing(features.tracing());
        this.errors = new ErrorWriter(Objects.requireNonNull(json, "json"));
        this.json = json;
        this.router = Objects.requireNonNull(router, "router");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.modelList = modelList();
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
            features.metrics().close();
            features.cache().close();
            tracing.close();
            try {
                features.closeState();
            } finally {
                features.keys().ifPresent(ProxyKeys::close);
            }
        }
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.concurrency.useVirtualThreads = true;
        // One budget for every upload in flight, whichever route it came by.
        UploadMemory uploadMemory = new UploadMemory(settings);
        new JettySetup(settings, uploadMemory, features.metrics(), errors).apply(config);
        KeyGate gate = new KeyGate(features.keys());
        TranscriptionHandler transcriptions = new TranscriptionHandler(AudioTask.TRANSCRIBE, router,
                json, settings, uploadMemory, features.cache(), gate);
        TranscriptionHandler translations = new TranscriptionHandler(AudioTask.TRANSLATE, router,
                json, settings, uploadMemory, features.cache(), gate);
        AccessLog accessLog = new AccessLog(router.modelGroups());
        Optional<SpendRecorder> spend = features.keys().map(SpendRecorder::new);
        config.requestLogger.http((ctx, millis) -> {
            accessLog.handle(ctx, millis);
            spend.ifPresent(recorder -> recorder.record(ctx, millis));
        });
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
        config.routes.get(MetricsEndpoint.PATH, features.metrics()::scrape);
        features.modelInfo().ifPresent(info -> info.register(config.routes));
        new KeyRoutes(features.keys(), json).register(config.routes);
        new ConsoleAssets().register(config.routes);
        config.routes.exception(RequestRejected.class, (e, ctx) -> errors.write(ctx, e.error()));
        config.routes.exception(TranscriptionException.class, this::transcriptionFailed);
        config.routes.exception(HttpResponseException.class, this::frameworkRefused);
        config.routes.exception(Exception.class, this::unexpected);
    }

    private void authenticate(Context ctx) {
        RoutingHeaders.identify(ctx);
        ConsoleAssets.secure(ctx);
        if (OPEN_PATHS.contains(ctx.path()) || features.metrics().isOpen(ctx.path())
                || ConsoleAssets.isConsole(ctx.path())) {
            return;
        }
        Caller caller = authenticator.identify(ctx.header("Authorization"), ctx.header("api-key"));
        ctx.attribute(Caller.ATTRIBUTE, caller);
        if (caller instanceof Caller.Virtual && !KeyRoutes.openToVirtualKeys(ctx.path())) {
            throw KeyRoutes.masterOnly(ctx.path());
        }
    }

    // A virtual key sees the groups it may call, as LiteLLM's /v1/models shows them.
    private void models(Context ctx) {
        Optional<Access> access = Caller.virtualKey(ctx);
        if (access.isEmpty()) {
            ctx.contentType("application/json").result(modelList);
            return;
        }
        ctx.contentType("application/json").result(modelList(access.get()::allows));
    }

    private String modelList() {
        return modelList(group -> true);
    }

    private String modelList(java.util.function.Predicate<String> shown) {
        long created = Instant.now().getEpochSecond();
        ObjectNode list = json.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        router.modelGroups().stream().filter(group -> shown.test(group.name())).forEach(group -> data.addObject()
                .put("id", group.name()).put("object", "model").put("created", created).put("owned_by", "voxgate"));
        return list.toString();
    }

    private void readiness(Context ctx) {
        ObjectNode body = json.createObjectNode().put("status", "healthy").put("voxgate_version", VERSION)
                .put("model_groups", router.modelGroups().size());
        // As LiteLLM's readiness names it; the proxy is ready without its key database (known keys keep working).
        body.put("db", features.keys().map(keys -> keys.database().up() ? "connected" : "disconnected")
                .orElse("Not connected"));
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
        AccessNote.of(ctx).failed(e);
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
