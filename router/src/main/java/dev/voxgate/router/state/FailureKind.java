package dev.voxgate.router.state;

/**
 * The kinds of failure that {@code retry_policy} and {@code allowed_fails_policy} give numbers for, in LiteLLM's
 * terms, and that a {@link RoutingState} counts a deployment's failures by. Each
 * {@link dev.voxgate.core.error.TranscriptionFailure} falls into exactly one, as
 * {@code FailureDisposition.of(failure).kind()} says: that one table decides, so this enum stays free of the
 * router's rules and the state package depends on nothing of the router.
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
}
