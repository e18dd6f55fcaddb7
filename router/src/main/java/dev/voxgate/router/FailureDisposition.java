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
import dev.voxgate.router.state.FailureKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the router does after one kind of failure, decided in one exhaustive {@code switch} that retries, fallbacks
 * and cooldowns all read, so a new failure kind is a compile error here and nowhere silently defaulted.
 *
 * @param kind         the kind {@code retry_policy} and {@code allowed_fails_policy} count it under
 * @param retry        where a retry within the group may go
 * @param mayFallBack  whether another model group might succeed (not when the request itself is at fault)
 * @param restsAtOnce  whether it rests its deployment at once, when the group has another to take the load
 * @param counts       whether it counts against its deployment for the per-minute cooldown rules (a bad request
 *                     says nothing about the deployment, unless {@code allowed_fails_policy} names it)
 * @param retryAfter   the vendor's {@code Retry-After}, which lengthens back-off waits and rests
 *
 * <p>Immutable and thread-safe.
 */
public record FailureDisposition(FailureKind kind, RetryScope retry, boolean mayFallBack, boolean restsAtOnce,
                                 boolean counts, Optional<Duration> retryAfter) {

    public FailureDisposition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Where a retry after a failure may go. */
    public enum RetryScope {
        /** Not retried in this group: the same answer would come back (an unknown model, nothing available). */
        NONE,
        /** Only on a deployment this call has not tried: the same one would refuse again (credentials, bad input). */
        UNTRIED,
        /** On any deployment, after a back-off when it goes back to one already tried: transient trouble. */
        ANY
    }

    /** How the router treats {@code failure}. */
    public static FailureDisposition of(TranscriptionFailure failure) {
        Optional<Duration> none = Optional.empty();
        return switch (failure) {
            case InvalidRequest i -> new FailureDisposition(FailureKind.BAD_REQUEST, RetryScope.UNTRIED, false,
                    false, false, none);
            case PayloadTooLarge p -> new FailureDisposition(FailureKind.BAD_REQUEST, RetryScope.UNTRIED, false,
                    false, false, none);
            // No deployment was called: nothing to count or rest, and only another group may serve it.
            case NoCapableDeployment c -> new FailureDisposition(FailureKind.BAD_REQUEST, RetryScope.NONE, true,
                    false, false, none);
            case AuthenticationFailed a -> new FailureDisposition(FailureKind.AUTHENTICATION, RetryScope.UNTRIED,
                    true, true, true, none);
            case ModelNotFound m -> new FailureDisposition(FailureKind.NOT_FOUND, RetryScope.NONE, true, true, true,
                    none);
            case RateLimited r -> new FailureDisposition(FailureKind.RATE_LIMIT, RetryScope.ANY, true, true, true,
                    r.retryAfter());
            // A nested router with nothing available: retrying it now only finds the same.
            case NoHealthyDeployment n -> new FailureDisposition(FailureKind.RATE_LIMIT, RetryScope.NONE, true, true,
                    true, n.retryAfter());
            case UpstreamTimeout t -> new FailureDisposition(FailureKind.TIMEOUT, RetryScope.ANY, true, false, true,
                    none);
            case UpstreamUnavailable u -> new FailureDisposition(FailureKind.SERVER_ERROR, RetryScope.ANY, true,
                    false, true, none);
            case UpstreamProtocolError p -> new FailureDisposition(FailureKind.SERVER_ERROR, RetryScope.ANY, true,
                    false, true, none);
        };
    }
}
