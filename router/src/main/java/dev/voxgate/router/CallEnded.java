package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import java.util.OptionalInt;

/**
 * Ends the whole routed call at once, past the retry loop and the fallbacks: the call's deadline passed, or the
 * calling thread was interrupted. Deliberately not a {@link TranscriptionException}, so that no retry or fallback
 * handler catches it; the engine unwraps {@link #failure()} for the caller.
 */
final class CallEnded extends RuntimeException {

    private final transient TranscriptionException failure;

    CallEnded(TranscriptionException failure) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
    }

    /** The call's thread was interrupted; the flag is set again so that the caller still sees it. */
    static CallEnded interrupted() {
        Thread.currentThread().interrupt();
        return new CallEnded(new TranscriptionException(new UpstreamUnavailable(
                "The call was interrupted before a deployment answered", OptionalInt.empty())));
    }

    TranscriptionException failure() {
        return failure;
    }
}
