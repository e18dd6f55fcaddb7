package dev.voxgate.proxy;

import dev.voxgate.tracing.IncomingRequest;
import dev.voxgate.tracing.ServerSpan;
import dev.voxgate.tracing.Tracing;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * A server span per request, from the first before-handler to the after-handler (which Javalin runs whatever
 * happened, refusals and errors included), on the request's own thread; health probes are left out, as a probe
 * every few seconds would bury the traces worth reading. {@link #close} sends the spans still buffered.
 *
 * <p>Thread-safe.
 */
final class RequestTracing implements AutoCloseable {

    private static final String SPAN = RequestTracing.class.getName();

    private final Tracing tracing;

    RequestTracing(Tracing tracing) {
        this.tracing = Objects.requireNonNull(tracing, "tracing");
    }

    /** Adds the hooks; call before any other before-handler, so that the span covers them too. */
    void install(JavalinConfig config) {
        if (tracing.enabled()) {
            config.routes.before(this::start);
            config.routes.after(this::end);
        }
    }

    private void start(Context ctx) {
        if (ctx.path().startsWith("/health/")) {
            return;
        }
        String scheme = ctx.req().getScheme();
        ctx.attribute(SPAN, tracing.serverSpan(new IncomingRequest(ctx.method().name(), ctx.path(), scheme,
                ctx.req().getServerName(), ctx.req().getLocalPort(), ctx.req().getRemoteAddr(),
                Optional.ofNullable(ctx.userAgent()), ctx::header)));
    }

    private void end(Context ctx) {
        ServerSpan span = ctx.attribute(SPAN);
        if (span != null) {
            Optional<String> route = Optional.ofNullable(ctx.endpoints().matchedHttpEndpoint())
                    .map(endpoint -> endpoint.path);
            span.end(ctx.statusCode(), route, Optional.ofNullable(ctx.res().getHeader(RoutingHeaders.REQUEST_ID)));
        }
    }

    /** Exports what is still buffered; after the drain, so the requests that were in flight are among it. */
    @Override
    public void close() {
        tracing.close();
    }
}
