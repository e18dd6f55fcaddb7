package dev.voxgate.proxy;

import dev.voxgate.router.RoutingReport;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The response headers that say what happened to a request: its id, and for routed calls the model group and
 * deployment that answered, the retries and fallbacks it took, and the time spent in all and in the proxy itself.
 */
final class RoutingHeaders {

    static final String REQUEST_ID = "x-request-id";
    static final String MODEL_GROUP = "x-voxgate-model-group";
    // A caller's own id is echoed only when it is short and plain, so it cannot smuggle anything into logs or headers.
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern NOT_PRINTABLE = Pattern.compile("[^\\x20-\\x7E]");

    private RoutingHeaders() {
    }

    /** Sets {@code x-request-id}: the caller's, when it sent a plain one, else a new one. */
    static String identify(Context ctx) {
        String sent = ctx.header(REQUEST_ID);
        String id = sent != null && PLAIN_ID.matcher(sent).matches() ? sent : "req_" + UUID.randomUUID();
        ctx.header(REQUEST_ID, id);
        return id;
    }

    /** Sets the {@code x-voxgate-*} headers of a routed call. */
    static void describe(Context ctx, RoutingReport report) {
        ctx.header(MODEL_GROUP, report.modelGroup());
        report.deploymentId().ifPresent(id -> ctx.header("x-voxgate-deployment-id", id));
        ctx.header("x-voxgate-attempted-retries", Integer.toString(report.retries()));
        ctx.header("x-voxgate-attempted-fallbacks", Integer.toString(report.fallbacksTried()));
        ctx.header("x-voxgate-response-duration-ms", Long.toString(report.totalTime().toMillis()));
        ctx.header("x-voxgate-overhead-duration-ms", Long.toString(report.overhead().toMillis()));
        // US dollars as a plain decimal (never 3E-4), under LiteLLM's name too, for the scripts that read it.
        String cost = report.cost().toPlainString();
        ctx.header("x-voxgate-response-cost", cost);
        ctx.header("x-litellm-response-cost", cost);
        if (!report.chunks().isEmpty()) {
            ctx.header("x-voxgate-chunks", Integer.toString(report.chunks().size()));
        }
        if (!report.leftOut().isEmpty()) {
            ctx.header("x-voxgate-left-out-deployments", headerSafe(report.leftOut().stream()
                    .map(RoutingReport.LeftOut::describe).collect(Collectors.joining(", "))));
        }
    }

    /** Sets the headers of an answer the response cache gave: no vendor was called, so it cost nothing. */
    static void cacheHit(Context ctx, String modelGroup) {
        ctx.header(MODEL_GROUP, headerSafe(modelGroup));
        ctx.header("x-voxgate-response-cost", "0");
        ctx.header("x-litellm-response-cost", "0");
        ctx.header(ResponseCache.HIT_HEADER, "true");
    }

    // Deployment ids come from the config and may hold anything; a header value holds printable ASCII only.
    private static String headerSafe(String value) {
        return NOT_PRINTABLE.matcher(value).replaceAll("?");
    }
}
