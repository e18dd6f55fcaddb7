package dev.voxgate.proxy;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.FailureDisposition;
import dev.voxgate.router.RoutingReport;
import dev.voxgate.router.state.FailureKind;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one access line per request when it ends, answered or refused, to logger {@value #LOGGER}: the request's
 * method and path as the message, and as fields its id, route, model group, deployment and provider, status, failure
 * kind, attempts, fallbacks, audio seconds, cost, total and overhead milliseconds, and the client's address. It says
 * nothing a caller sent besides the path and a plain request id: no header, key, form field or transcript.
 *
 * <p>The router's part comes from the {@link RoutingReport} the handler got (noted in {@link AccessNote}), not from a
 * {@link dev.voxgate.router.RoutingListener}: the line needs the HTTP status and the client's address, which only the
 * exchange knows, and requests refused before routing (401, 400) have no routing event at all.
 *
 * <p>Thread-safe.
 */
final class AccessLog implements RequestLogger {

    static final String LOGGER = "voxgate.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final Map<String, String> providers = new HashMap<>();

    /** An access log for a proxy serving {@code groups}, whose deployments' providers it names. */
    AccessLog(List<ModelGroup> groups) {
        for (ModelGroup group : groups) {
            for (Deployment deployment : group.deployments()) {
                providers.putIfAbsent(deployment.id(), deployment.provider());
            }
        }
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LoggingEventBuilder line = LOG.atInfo().setMessage(ctx.method() + " " + ctx.path());
        addFields(line, ctx, executionTimeMs);
        line.log();
    }

    /** The access line's fields, in order; absent values are null. */
    private void addFields(LoggingEventBuilder line, Context ctx, double totalMillis) {
        AccessNote note = AccessNote.of(ctx);
        RoutingReport report = note.report().orElse(null);
        String deployment = note.deployment().orElse(null);
        int status = ctx.statusCode();
        double providerMillis = report == null ? 0.0 : report.providerTime().toNanos() / 1e6;
        line.addKeyValue("request_id", ctx.res().getHeader(RoutingHeaders.REQUEST_ID));
        line.addKeyValue("route", route(ctx.path()));
        line.addKeyValue("model_group", note.modelGroup(ctx).orElse(null));
        line.addKeyValue("deployment", deployment);
        line.addKeyValue("provider", deployment == null ? null : providers.get(deployment));
        line.addKeyValue("status", status);
        line.addKeyValue("failure_kind", failureKind(note.failure(), status).orElse(null));
        line.addKeyValue("attempts", report == null ? 0 : report.attempts().size());
        line.addKeyValue("fallbacks", report == null ? 0 : report.fallbacksTried());
        line.addKeyValue("audio_seconds", report == null ? null : report.audioSeconds().orElse(null));
        line.addKeyValue("cost_usd", report == null ? BigDecimal.ZERO : report.cost());
        line.addKeyValue("total_ms", tenths(totalMillis));
        line.addKeyValue("overhead_ms", tenths(Math.max(0, totalMillis - providerMillis)));
        line.addKeyValue("client", ctx.ip());
    }

    /** {@code transcriptions} or {@code translations} for the audio routes (OpenAI's, Azure's), else the path. */
    static String route(String path) {
        for (AudioTask task : AudioTask.values()) {
            if (path.endsWith("/audio/" + task.route())) {
                return task.route();
            }
        }
        return path;
    }

    /**
     * The router's kind of {@code failure} (snake_case, as the metrics name it); for an error answer the proxy gave
     * itself, before or without routing, the kind its status stands for; empty for a success.
     */
    static Optional<String> failureKind(Optional<TranscriptionFailure> failure, int status) {
        if (failure.isPresent()) {
            return Optional.of(label(FailureDisposition.of(failure.get()).kind()));
        }
        if (status < 400) {
            return Optional.empty();
        }
        return Optional.of(switch (status) {
            case 401, 403 -> "authentication";
            case 404 -> "not_found";
            case 408, 504 -> "timeout";
            case 429 -> "rate_limit";
            default -> status < 500 ? "bad_request" : "server_error";
        });
    }

    /** {@code kind} as logs, metrics and {@code /model/info} name it: {@code rate_limit}, {@code server_error}, … */
    static String label(FailureKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static double tenths(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
