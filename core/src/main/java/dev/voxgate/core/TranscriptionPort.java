package dev.voxgate.core;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;

/**
 * Something that turns audio into a transcript: one provider deployment, a router over many, or a fake.
 *
 * <p>Implementations are thread-safe; one instance serves concurrent calls.
 */
public interface TranscriptionPort {

    /**
     * Transcribes the request's audio.
     *
     * @throws TranscriptionException with the failure kind when the transcript cannot be produced
     */
    Transcription transcribe(TranscriptionRequest request);
}
