package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/**
 * Answers with an {@link OpenAiError}: its status, {@code Retry-After} when it has one, and OpenAI's JSON shape.
 *
 * <p>Thread-safe.
 */
final class ErrorWriter {

    private final ObjectMapper json;

    ErrorWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(Context ctx, OpenAiError error) {
        // Retry-After is whole seconds; round up so a client never comes back before the deployment is free.
        error.retryAfter().ifPresent(delay ->
                ctx.header("Retry-After", Long.toString(Math.max(1, (delay.toMillis() + 999) / 1000))));
        ctx.status(error.status()).contentType("application/json").result(body(error));
    }

    /** The JSON body of {@code error}: {@code {"error":{"message","type","param","code"}}}. */
    String body(OpenAiError error) {
        ObjectNode body = json.createObjectNode();
        ObjectNode detail = body.putObject("error").put("message", error.message()).put("type", error.type());
        error.param().ifPresentOrElse(param -> detail.put("param", param), () -> detail.putNull("param"));
        error.code().ifPresentOrElse(code -> detail.put("code", code), () -> detail.putNull("code"));
        return body.toString();
    }
}
