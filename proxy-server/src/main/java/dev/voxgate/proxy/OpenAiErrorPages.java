package dev.voxgate.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, made before a request reaches the routes (headers too large, a request that is not HTTP,
 * a request arriving while the proxy drains), in OpenAI's error shape instead of Jetty's HTML page, so that every
 * client sees one kind of error.
 *
 * <p>Thread-safe.
 */
final class OpenAiErrorPages extends ErrorHandler {

    private final ErrorWriter errors;

    OpenAiErrorPages(ErrorWriter errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String body = errors.body(OpenAiError.status(code, explain(code, message)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String explain(int code, String message) {
        return switch (code) {
            case 431 -> "The request's headers are too large for this proxy; a very long Authorization or api-key "
                    + "header is the usual cause.";
            case 503 -> "The proxy is shutting down; send the request again.";
            default -> "The request could not be handled as HTTP (" + code + " " + message + ").";
        };
    }
}
