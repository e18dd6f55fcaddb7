package dev.voxgate.tracing;

import static dev.voxgate.tracing.SpanAttributes.CLIENT_ADDRESS;
import static dev.voxgate.tracing.SpanAttributes.ERROR_TYPE;
import static dev.voxgate.tracing.SpanAttributes.HTTP_METHOD;
import static dev.voxgate.tracing.SpanAttributes.HTTP_ROUTE;
import static dev.voxgate.tracing.SpanAttributes.HTTP_STATUS;
import static dev.voxgate.tracing.SpanAttributes.REQUEST_ID;
import static dev.voxgate.tracing.SpanAttributes.SERVER_ADDRESS;
import static dev.voxgate.tracing.SpanAttributes.SERVER_PORT;
import static dev.voxgate.tracing.SpanAttributes.URL_PATH;
import static dev.voxgate.tracing.SpanAttributes.URL_SCHEME;
import static dev.voxgate.tracing.SpanAttributes.USER_AGENT;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Optional;

/**
 * The span of one HTTP request the proxy serves, with the HTTP semantic conventions' attributes: a child of the
 * caller's span when the caller sent a W3C {@code traceparent}, else the root of a new trace. It is the current span
 * from {@link Tracing#serverSpan} to {@link #end}, so the vendor attempts made meanwhile are its children.
 *
 * <p>Not thread-safe: started and ended on the thread serving the request.
 */
public final class ServerSpan {

    /** The request's span, in the context of the thread serving it, so the router's listener can describe it. */
    static final ContextKey<Span> REQUEST = ContextKey.named("voxgate-request-span");

    static final ServerSpan NONE = new ServerSpan(null, "", null);

    // Only traceparent and tracestate are read; baggage is neither taken from callers nor passed on to vendors.
    private static final TextMapGetter<IncomingRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(IncomingRequest request) {
            return List.of();
        }

        @Override
        public String get(IncomingRequest request, String name) {
            return request == null ? null : request.header().apply(name);
        }
    };

    private final Span span;
    private final String method;
    private final Scope scope;

    private ServerSpan(Span span, String method, Scope scope) {
        this.span = span;
        this.method = method;
        this.scope = scope;
    }

    static ServerSpan start(Tracer tracer, IncomingRequest request) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), request, HEADERS);
        Span span = tracer.spanBuilder(request.method()).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(HTTP_METHOD, request.method())
                .setAttribute(URL_PATH, request.path())
                .setAttribute(URL_SCHEME, request.scheme())
                .setAttribute(SERVER_ADDRESS, request.serverAddress())
                .setAttribute(SERVER_PORT, (long) request.serverPort())
                .setAttribute(CLIENT_ADDRESS, request.clientAddress())
                .startSpan();
        request.userAgent().ifPresent(agent -> span.setAttribute(USER_AGENT, agent));
        return new ServerSpan(span, request.method(), parent.with(span).with(REQUEST, span).makeCurrent());
    }

    /**
     * Ends the span with the answer's status; {@code route} is the matched route's template (empty when none
     * matched), which names the span, as {@code POST /v1/audio/transcriptions}; {@code requestId} the request's
     * {@code x-request-id}. 5xx statuses mark it failed (a 4xx is the caller's, not the server's, failure).
     */
    public void end(int status, Optional<String> route, Optional<String> requestId) {
        if (span == null) {
            return;
        }
        try {
            route.ifPresent(template -> span.setAttribute(HTTP_ROUTE, template).updateName(method + " " + template));
            requestId.ifPresent(id -> span.setAttribute(REQUEST_ID, id));
            span.setAttribute(HTTP_STATUS, (long) status);
            if (status >= 500) {
                span.setAttribute(ERROR_TYPE, Integer.toString(status)).setStatus(StatusCode.ERROR);
            }
            span.end();
        } finally {
            scope.close();
        }
    }
}
