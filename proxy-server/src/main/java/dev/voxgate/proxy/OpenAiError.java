package dev.voxgate.proxy;

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

    /** The answer for a failure the router or a provider reported. */
    static OpenAiError of(TranscriptionFailure failure) {
        String message = failure.message();
        return switch (failure) {
            case TranscriptionFailure.InvalidRequest invalid ->
                    new OpenAiError(400, message, "invalid_request_error", invalid.param(), Optional.empty(),
                            Optional.empty());
            case TranscriptionFailure.AuthenticationFailed auth ->
                    new OpenAiError(401, message, "authentication_error", Optional.empty(),
                            Optional.of("invalid_api_key"), Optional.empty());
            case TranscriptionFailure.ModelNotFound notFound ->
                    new OpenAiError(404, message, "invalid_request_error", Optional.of("model"),
                            Optional.of("model_not_found"), Optional.empty());
            case TranscriptionFailure.RateLimited limited ->
                    new OpenAiError(429, message, "rate_limit_error", Optional.empty(),
                            Optional.of("rate_limit_exceeded"), limited.retryAfter());
            case TranscriptionFailure.NoHealthyDeployment none ->
                    new OpenAiError(429, message, "rate_limit_error", Optional.empty(),
                            Optional.of("no_healthy_deployment"), none.retryAfter());
            case TranscriptionFailure.NoCapableDeployment incapable ->
                    new OpenAiError(incapable.tooLarge() ? 413 : 400, message, "invalid_request_error",
                            incapable.param(), Optional.of("no_capable_deployment"), Optional.empty());
            case TranscriptionFailure.PayloadTooLarge tooLarge ->
                    new OpenAiError(413, message, "invalid_request_error", Optional.of("file"), Optional.empty(),
                            Optional.empty());
            case TranscriptionFailure.UpstreamTimeout timeout ->
                    new OpenAiError(504, message, "timeout_error", Optional.empty(), Optional.of("upstream_timeout"),
                            Optional.empty());
            case TranscriptionFailure.UpstreamUnavailable unavailable ->
                    new OpenAiError(gatewayStatus(unavailable), message, "server_error", Optional.empty(),
                            Optional.of("upstream_unavailable"), Optional.empty());
            case TranscriptionFailure.UpstreamProtocolError protocol ->
                    new OpenAiError(502, message, "server_error", Optional.empty(), Optional.of("bad_upstream_response"),
                            Optional.empty());
        };
    }

    // A vendor's own 503/504 is passed on; any other upstream failure is a bad gateway, so that a 500 from us
    // always means the proxy itself failed.
    private static int gatewayStatus(TranscriptionFailure.UpstreamUnavailable unavailable) {
        int upstream = unavailable.upstreamStatus().orElse(502);
        return upstream == 503 || upstream == 504 ? upstream : 502;
    }
}
