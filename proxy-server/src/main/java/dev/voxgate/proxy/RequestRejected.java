package dev.voxgate.proxy;

import java.util.Objects;

/** Thrown while handling a request that must be answered with {@link #error()}; carries no stack trace. */
final class RequestRejected extends RuntimeException {

    private final transient OpenAiError error;

    RequestRejected(OpenAiError error) {
        super(error.message(), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    static RequestRejected badRequest(String param, String message) {
        return new RequestRejected(OpenAiError.badRequest(param, message));
    }

    OpenAiError error() {
        return error;
    }
}
