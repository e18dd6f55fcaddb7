package dev.voxgate.providers.http;

import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.Objects;

/**
 * The adapter of a deployment that cannot be called as configured (no base URL, no key). It declares nothing, so that
 * it is still picked, and every call of every kind fails with the same failure, saying what to set: the factory
 * contract defers configuration errors to calls.
 *
 * <p>Immutable and thread-safe.
 */
final class MisconfiguredPort implements TranscriptionPort {

    private final Deployment deployment;
    private final TranscriptionFailure failure;

    MisconfiguredPort(Deployment deployment, TranscriptionFailure failure) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        throw new TranscriptionException(failure);
    }

    @Override
    public Transcription translate(TranscriptionRequest request) {
        throw new TranscriptionException(failure);
    }

    @Override
    public Transcription transcribeStreaming(TranscriptionRequest request, TranscriptListener listener) {
        throw new TranscriptionException(failure);
    }

    @Override
    public String toString() {
        return "MisconfiguredPort[" + deployment.provider() + ", deployment " + deployment.id() + "]";
    }
}
