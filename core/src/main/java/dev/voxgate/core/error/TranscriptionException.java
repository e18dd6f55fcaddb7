package dev.voxgate.core.error;

import java.util.Objects;

/**
 * The one exception a {@link dev.voxgate.core.TranscriptionPort} throws. Unchecked, so it travels through
 * {@link java.util.concurrent.CompletableFuture}s and lambdas; {@link #failure()} says what kind of failure it is.
 */
public class TranscriptionException extends RuntimeException {

    private final transient TranscriptionFailure failure;

    public TranscriptionException(TranscriptionFailure failure) {
        super(Objects.requireNonNull(failure, "failure").message());
        this.failure = failure;
    }

    public TranscriptionException(TranscriptionFailure failure, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure").message(), cause);
        this.failure = failure;
    }

    /** The kind of failure, for an exhaustive {@code switch}. */
    public TranscriptionFailure failure() {
        return failure;
    }
}
