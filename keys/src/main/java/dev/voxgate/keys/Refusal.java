package dev.voxgate.keys;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a call with a virtual key is not served, as the proxy answers it in OpenAI's error shape.
 *
 * @param status     the HTTP status: 401 (expired, model not allowed), 400 (budget), 429 (limits)
 * @param type       the error's {@code type}, e.g. {@code budget_exceeded}
 * @param code       its {@code code}
 * @param message    what happened and what to do
 * @param retryAfter when a limit frees up again
 */
public record Refusal(int status, String type, String code, String message, Optional<Duration> retryAfter) {

    public Refusal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
