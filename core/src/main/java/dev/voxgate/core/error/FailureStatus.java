package dev.voxgate.core.error;

/**
 * The HTTP status a caller is answered with for each {@link TranscriptionFailure}, as OpenAI's API answers it. The
 * one table of it: the proxy's error responses and the request metrics both read it, so that what a dashboard counts
 * is what the callers got.
 *
 * <p>Stateless and thread-safe.
 */
public final class FailureStatus {

    private FailureStatus() {
    }

    /** The status answered for {@code failure}, e.g. 429 for a rate limit or 502 for a vendor that failed. */
    public static int of(TranscriptionFailure failure) {
        return switch (failure) {
            case TranscriptionFailure.InvalidRequest invalid -> 400;
            case TranscriptionFailure.AuthenticationFailed auth -> 401;
            case TranscriptionFailure.ModelNotFound notFound -> 404;
            case TranscriptionFailure.RateLimited limited -> 429;
            case TranscriptionFailure.NoHealthyDeployment none -> 429;
            case TranscriptionFailure.NoCapableDeployment incapable -> incapable.tooLarge() ? 413 : 400;
            case TranscriptionFailure.PayloadTooLarge tooLarge -> 413;
            case TranscriptionFailure.UpstreamTimeout timeout -> 504;
            case TranscriptionFailure.UpstreamUnavailable unavailable -> gatewayStatus(unavailable);
            case TranscriptionFailure.UpstreamProtocolError protocol -> 502;
        };
    }

    // A vendor's own 503/504 is passed on; any other upstream failure is a bad gateway, so that a 500 from the proxy
    // always means the proxy itself failed.
    private static int gatewayStatus(TranscriptionFailure.UpstreamUnavailable unavailable) {
        int upstream = unavailable.upstreamStatus().orElse(502);
        return upstream == 503 || upstream == 504 ? upstream : 502;
    }
}
