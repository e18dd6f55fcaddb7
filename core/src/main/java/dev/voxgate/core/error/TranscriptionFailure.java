package dev.voxgate.core.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a transcription did not happen. Sealed, so that the router (retry or not, cool down or not) and the proxy
 * (which HTTP status) each handle every kind in an exhaustive {@code switch}: a new kind breaks both at compile
 * time rather than falling into a default branch.
 *
 * <p>Messages are for the caller: they say what went wrong and never contain keys or request bodies.
 */
public sealed interface TranscriptionFailure {

    /** What went wrong, for the caller. */
    String message();

    /** The same failure, told in {@code message}: the kind, and whatever else it carries, stay. */
    default TranscriptionFailure withMessage(String message) {
        return switch (this) {
            case InvalidRequest invalid -> new InvalidRequest(message, invalid.param());
            case AuthenticationFailed auth -> new AuthenticationFailed(message);
            case ModelNotFound notFound -> new ModelNotFound(message);
            case RateLimited limited -> new RateLimited(message, limited.retryAfter());
            case UpstreamTimeout timeout -> new UpstreamTimeout(message);
            case UpstreamUnavailable unavailable -> new UpstreamUnavailable(message, unavailable.upstreamStatus());
            case UpstreamProtocolError protocol -> new UpstreamProtocolError(message);
            case PayloadTooLarge tooLarge -> new PayloadTooLarge(message);
            case NoHealthyDeployment none -> new NoHealthyDeployment(message, none.retryAfter());
            case NoCapableDeployment incapable -> new NoCapableDeployment(message, incapable.param(),
                    incapable.tooLarge());
        };
    }

    /** The request itself is wrong; {@code param} names the offending field when one is to blame. */
    record InvalidRequest(String message, Optional<String> param) implements TranscriptionFailure {
        public InvalidRequest {
            requireMessage(message);
            Objects.requireNonNull(param, "param");
        }

        public static InvalidRequest of(String message) {
            return new InvalidRequest(message, Optional.empty());
        }

        public static InvalidRequest ofParam(String param, String message) {
            return new InvalidRequest(message, Optional.of(param));
        }

        /** Parameter {@code name}, which provider {@code providerId} does not take, was set for a deployment. */
        public static InvalidRequest unsupportedParam(String name, String providerId, String deploymentId) {
            return ofParam(name, "parameter '" + name + "' is not supported by provider " + providerId
                    + " (deployment '" + deploymentId + "'); remove it or set drop_params: true");
        }
    }

    /** The credentials were refused (HTTP 401/403 upstream, or a wrong master key). */
    record AuthenticationFailed(String message) implements TranscriptionFailure {
        public AuthenticationFailed {
            requireMessage(message);
        }
    }

    /** No such model group, provider, model or deployment. */
    record ModelNotFound(String message) implements TranscriptionFailure {
        public ModelNotFound {
            requireMessage(message);
        }
    }

    /** The vendor asked us to slow down; {@code retryAfter} is its {@code Retry-After} when it sent one. */
    record RateLimited(String message, Optional<Duration> retryAfter) implements TranscriptionFailure {
        public RateLimited {
            requireMessage(message);
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The vendor did not answer in time. */
    record UpstreamTimeout(String message) implements TranscriptionFailure {
        public UpstreamTimeout {
            requireMessage(message);
        }
    }

    /**
     * The vendor failed (5xx) or could not be reached; {@code upstreamStatus} is its HTTP status when it answered.
     */
    record UpstreamUnavailable(String message, OptionalInt upstreamStatus) implements TranscriptionFailure {
        public UpstreamUnavailable {
            requireMessage(message);
            Objects.requireNonNull(upstreamStatus, "upstreamStatus");
        }
    }

    /** The vendor answered success with a body we cannot read (truncated, not JSON, wrong shape). */
    record UpstreamProtocolError(String message) implements TranscriptionFailure {
        public UpstreamProtocolError {
            requireMessage(message);
        }
    }

    /** The upload is larger than the limit. */
    record PayloadTooLarge(String message) implements TranscriptionFailure {
        public PayloadTooLarge {
            requireMessage(message);
        }
    }

    /**
     * Every deployment that could serve the call is cooling down or at its limit; {@code retryAfter} is when the
     * earliest one frees up, when known.
     */
    record NoHealthyDeployment(String message, Optional<Duration> retryAfter) implements TranscriptionFailure {
        public NoHealthyDeployment {
            requireMessage(message);
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * No deployment of the group can serve what the request asks (a response format, streaming, a translation, the
     * upload's size, a parameter); none was called. The request is not wrong in itself, so another group may serve
     * it. {@code tooLarge} when the upload's size is all that stood in the way, which callers see as 413.
     */
    record NoCapableDeployment(String message, Optional<String> param, boolean tooLarge)
            implements TranscriptionFailure {
        public NoCapableDeployment {
            requireMessage(message);
            Objects.requireNonNull(param, "param");
        }
    }

    private static void requireMessage(String message) {
        Objects.requireNonNull(message, "message");
    }
}
