package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.error.TranscriptionFailure.NoCapableDeployment;
import dev.voxgate.core.error.TranscriptionFailure.NoHealthyDeployment;
import dev.voxgate.core.error.TranscriptionFailure.PayloadTooLarge;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;

/**
 * The kinds of failure that {@code retry_policy} and {@code allowed_fails_policy} give numbers for, in LiteLLM's
 * terms. Each {@link TranscriptionFailure} falls into exactly one.
 *
 * <p>Immutable and thread-safe.
 */
public enum FailureKind {
    /** {@code InvalidRequest}, {@code PayloadTooLarge}, {@code NoCapableDeployment}: LiteLLM's {@code BadRequestError}. */
    BAD_REQUEST("BadRequestError"),
    /** {@code AuthenticationFailed}: LiteLLM's {@code AuthenticationError}. */
    AUTHENTICATION("AuthenticationError"),
    /** {@code UpstreamTimeout}: LiteLLM's {@code Timeout}. */
    TIMEOUT("TimeoutError"),
    /** {@code RateLimited}, {@code NoHealthyDeployment}: LiteLLM's {@code RateLimitError}. */
    RATE_LIMIT("RateLimitError"),
    /** {@code UpstreamUnavailable}, {@code UpstreamProtocolError}: LiteLLM's {@code InternalServerError}. */
    SERVER_ERROR("InternalServerError"),
    /** {@code ModelNotFound}: LiteLLM's {@code NotFoundError}, which its policies have no field for. */
    NOT_FOUND("NotFoundError");

    private final String liteLlmName;

    FailureKind(String liteLlmName) {
        this.liteLlmName = liteLlmName;
    }

    /** The prefix of this kind's keys in LiteLLM's policies, e.g. {@code BadRequestError} of {@code BadRequestErrorRetries}. */
    public String liteLlmName() {
        return liteLlmName;
    }

    /** The kind {@code failure} is of. */
    public static FailureKind of(TranscriptionFailure failure) {
        return FailureDisposition.of(failure).kind();
    }
}
