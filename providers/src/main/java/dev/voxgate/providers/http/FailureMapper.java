package dev.voxgate.providers.http;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.error.TranscriptionFailure.PayloadTooLarge;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.InstantSource;
import java.util.Objects;
import java.util.OptionalInt;
import okhttp3.Headers;

/**
 * The one place where what a vendor did becomes a {@link TranscriptionFailure}: its HTTP error statuses, the I/O
 * errors of reaching it, and success bodies we cannot read. Every message starts with who answered, carries the
 * vendor's own words where it gave some, and is redacted of the deployment's key; request bodies never appear.
 *
 * <p>Immutable and thread-safe.
 */
final class FailureMapper {

    private final Upstream upstream;
    private final InstantSource clock;

    /** Maps failures of {@code upstream}, measuring {@code Retry-After} dates against {@code clock}. */
    FailureMapper(Upstream upstream, InstantSource clock) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The failure a non-2xx answer means; {@code body} is the start of the vendor's error body. */
    TranscriptionFailure fromStatus(int status, Headers headers, String body) {
        UpstreamError error = UpstreamError.parse(body);
        String message = upstream.redact("HTTP " + status + " from " + upstream.describe()
                + error.message().map(text -> ": " + text).orElse(""));
        if (error.keyRejected()) {
            return new AuthenticationFailed(message);
        }
        return switch (status) {
            case 400, 422 -> new InvalidRequest(message, error.param());
            case 401, 403 -> new AuthenticationFailed(message);
            case 404 -> new ModelNotFound(message);
            case 408 -> new UpstreamTimeout(message);
            case 413 -> new PayloadTooLarge(message);
            case 429 -> new RateLimited(message, RetryAfter.from(headers, clock.instant()).or(error::retryDelay));
            default -> otherStatus(status, message);
        };
    }

    /** The failure an I/O error means: a timeout, the audio failing to read, or the vendor out of reach. */
    TranscriptionFailure fromIo(IOException error) {
        if (error instanceof InterruptedIOException) {
            // OkHttp's call timeout and socket timeouts both arrive as InterruptedIOException.
            return new UpstreamTimeout("timed out waiting for " + upstream.describe());
        }
        if (error instanceof AudioUnreadableException) {
            return InvalidRequest.ofParam("file", "could not send the audio to " + upstream.describe() + ": "
                    + error.getMessage());
        }
        String reason = error.getMessage() == null ? "" : ": " + error.getMessage();
        return new UpstreamUnavailable(upstream.redact("could not reach " + upstream.describe() + " ("
                + error.getClass().getSimpleName() + reason + ")"), OptionalInt.empty());
    }

    /**
     * The failure a vendor's job means that ended in error: the vendor failing is worth another attempt (elsewhere);
     * the audio failing (unreadable, no speech, too long) is not, as any deployment would be sent the same file.
     */
    TranscriptionFailure jobFailed(String jobId, JobStatus.Failed failed) {
        String message = upstream.redact(upstream.describe() + ": job " + jobId + " ended in error: "
                + UpstreamError.parse(failed.vendorMessage()).message().orElse("no reason given"));
        return failed.vendorFault() ? new UpstreamUnavailable(message, OptionalInt.empty())
                : InvalidRequest.ofParam("file", message);
    }

    /** The failure a 2xx answer means whose body is not what {@code detail} says it should be. */
    TranscriptionFailure unreadable(int status, String detail) {
        return new UpstreamProtocolError(upstream.redact("HTTP " + status + " from " + upstream.describe()
                + " is not a readable transcription: " + detail));
    }

    private static TranscriptionFailure otherStatus(int status, String message) {
        if (status >= 500) {
            return new UpstreamUnavailable(message, OptionalInt.of(status));
        }
        if (status >= 400) {
            return InvalidRequest.of(message);
        }
        // Redirects are not followed (a cross-host redirect would carry an api-key header along), so a 3xx is the
        // vendor answering something other than a transcription.
        return new UpstreamProtocolError(message + " (unexpected redirect; check api_base)");
    }
}
