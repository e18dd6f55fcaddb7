package dev.voxgate.core;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;

/**
 * Something that turns audio into a transcript: one provider deployment, a router over many, or a fake.
 *
 * <p>Implementations are thread-safe; one instance serves concurrent calls.
 */
public interface TranscriptionPort {

    /**
     * What this port can serve, so that a router sends it only requests it can answer. A port that keeps this
     * default declares nothing: it is offered every request and refuses at call time what it cannot do.
     */
    default Capabilities capabilities() {
        return Capabilities.UNDECLARED;
    }

    /**
     * Transcribes the request's audio.
     *
     * @throws TranscriptionException with the failure kind when the transcript cannot be produced
     */
    Transcription transcribe(TranscriptionRequest request);

    /**
     * Translates the request's audio into English text (OpenAI's {@code /audio/translations}); the request's
     * {@code language} and timestamp granularities do not apply. A port whose backend cannot translate keeps this
     * default, which refuses.
     *
     * @throws TranscriptionException with {@code InvalidRequest} when this backend cannot translate, or the failure
     *                                kind of the call
     */
    default Transcription translate(TranscriptionRequest request) {
        throw new TranscriptionException(TranscriptionFailure.InvalidRequest.ofParam("model", "model '"
                + request.model() + "' cannot translate audio: translations need a model that offers them, such as "
                + "OpenAI's or Azure's whisper-1"));
    }

    /**
     * Transcribes while the vendor produces the transcript, handing each piece to {@code listener} as it arrives,
     * and returns the whole transcript at the end. A port whose backend cannot stream keeps this default, which
     * refuses before anything is sent.
     *
     * @throws TranscriptionException with {@code InvalidRequest} when this backend cannot stream, or the failure kind
     *                                of the call
     */
    default Transcription transcribeStreaming(TranscriptionRequest request, TranscriptListener listener) {
        throw new TranscriptionException(TranscriptionFailure.InvalidRequest.ofParam("stream", "model '"
                + request.model() + "' cannot stream its transcript: streaming needs a model that streams, such as "
                + "OpenAI's gpt-4o-transcribe; send stream=false"));
    }
}
