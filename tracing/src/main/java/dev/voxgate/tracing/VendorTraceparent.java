package dev.voxgate.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the current span's W3C {@code traceparent} (and {@code tracestate}) to every vendor call, so a vendor that
 * traces joins the caller's trace. The current span is the attempt's, made current on the thread the attempt runs
 * on; with none current nothing is added.
 *
 * <p>Immutable and thread-safe.
 */
final class VendorTraceparent implements Interceptor {

    private static final TextMapSetter<Request.Builder> HEADERS = (request, name, value) -> {
        if (request != null) {
            request.header(name, value);
        }
    };

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request.Builder request = chain.request().newBuilder();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HEADERS);
        return chain.proceed(request.build());
    }
}
