package dev.voxgate.proxy;

import dev.voxgate.core.error.FailureStatus;
import dev.voxgate.core.error.TranscriptionFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An error as OpenAI's API answers it: the HTTP status and {@code {"error":{"message","type","param","code"}}},
 * plus the {@code Retry-After} a rate limit carries.
 *
 * @param status     HTTP status
 * @param message    what went wrong and what to fix
 * @param type       OpenAI's error type, e.g. {@code invalid_request_error}
 * @param param      the offending request field, if one is to blame
 * @param code       OpenAI's machine-readable code, if any
 * @param retryAfter when to try again, for 429s
 */
record OpenAiError(int status, String message, String type, Optional<String> param, Optional<String> code,
                   Optional<Duration> retryAfter) {

    OpenAiError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    static OpenAiError badRequest(String param, String message) {
        return new OpenAiError(400, message, "invalid_request_error", Optional.ofNullable(param), Optional.empty(),
                Optional.empty());
    }

    static OpenAiError unauthorized(String message) {
        return new OpenAiError(401, message, "invalid_request_error", Optional.empty(), Optional.of("invalid_api_key"),
                Optional.empty());
    }

    static OpenAiError notFound(String message) {
        return new OpenAiError(404, message, "invalid_request_error", Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static OpenAiError status(int status, String message) {
        return new OpenAiError(status, message, status >= 500 ? "server_error" : "invalid_request_error",
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    static OpenAiError payloadTooLarge(String message) {
        return new OpenAiError(413, message, "invalid_request_error", Optional.of("file"), Optional.empty(),
                Optional.empty());
    }

    static OpenAiError internal() {
        return new OpenAiError(500, "The proxy failed to handle the request; the details are in its log.",
                "server_error", Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The answer for a failure the router or a provider reported, with the status {@link FailureStatus} gives it. */
    static OpenAiError of(TranscriptionFailure failure) {
        String message = failure.message();
        int status = FailureStatus.of(failure);
        return switch (failure) {
            case TranscriptionFailure.InvalidRequest invalid ->
                    new OpenAiError(status, message, "invalid_request_error", invalid.param(), Optional.empty(),
                            Optional.empty());
            case TranscriptionFailure.AuthenticationFailed auth ->
                    new OpenAiError(status, message, "authentication_error", Optional.empty(),
                            Optional.of("invalid_api_key"), Optional.empty());
            case TranscriptionFailure.ModelNotFound notFound ->
                    new OpenAiError(status, message, "invalid_request_error", Optional.of("model"),
                            Optional.of("model_not_found"), Optional.empty());
            case TranscriptionFailure.RateLimited limited ->
                    new OpenAiError(status, message, "rate_limit_error", Optional.empty(),
                            Optional.of("rate_limit_exceeded"), limited.retryAfter());
            case TranscriptionFailure.NoHealthyDeployment none ->
                    new OpenAiError(status, message, "rate_limit_error", Optional.empty(),
                            Optional.of("no_healthy_deployment"), none.retryAfter());
            case TranscriptionFailure.NoCapableDeployment incapable ->
                    new OpenAiError(status, message, "invalid_request_error",
                            incapable.param(), Optional.of("no_capable_deployment"), Optional.empty());
            case TranscriptionFailure.PayloadTooLarge tooLarge ->
                    new OpenAiError(status, message, "invalid_request_error", Optional.of("file"), Optional.empty(),
                            Optional.empty());
            case TranscriptionFailure.UpstreamTimeout timeout ->
                    new OpenAiError(status, message, "timeout_error", Optional.empty(), Optional.of("upstream_timeout"),
                            Optional.empty());
            case TranscriptionFailure.UpstreamUnavailable unavailable ->
                    new OpenAiError(status, message, "server_error", Optional.empty(),
                            Optional.of("upstream_unavailable"), Optional.empty());
            case TranscriptionFailure.UpstreamProtocolError protocol ->
                    new OpenAiError(status, message, "server_error", Optional.empty(),
                            Optional.of("bad_upstream_response"), Optional.empty());
        };
    }
}
