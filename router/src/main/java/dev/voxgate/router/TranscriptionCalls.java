package dev.voxgate.router;

import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.audio.AudioDuration;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.RequestNeeds;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The transcription-specific layer over the routing machinery: what a transcription, translation or streamed
 * transcript asks of a deployment, and how it is made on a {@link dev.voxgate.core.TranscriptionPort}.
 *
 * <p>Stateless and thread-safe.
 */
final class TranscriptionCalls {

    private TranscriptionCalls() {
    }

    /** A transcription or translation of {@code request}, as {@code task} says. */
    static RoutedCall of(TranscriptionRequest request, AudioTask task) {
        Optional<Double> measured = measuredSeconds(request);
        return new RoutedCall(RequestNeeds.of(request, task, false, measured), (deployment, port) -> (switch (task) {
            case TRANSCRIBE -> port.transcribe(request);
            case TRANSLATE -> port.translate(request);
        }).withMeasuredDuration(measured));
    }

    /**
     * A streamed transcription of {@code request}; once a piece has reached the caller, a failure ends the call,
     * since what the caller has seen cannot be taken back.
     */
    static RoutedCall streamed(TranscriptionRequest request, TranscriptListener listener) {
        StreamStart started = new StreamStart(listener);
        Optional<Double> measured = measuredSeconds(request);
        RequestNeeds needs = RequestNeeds.of(request, AudioTask.TRANSCRIBE, true, measured);
        return new RoutedCall(needs, (deployment, port) -> {
            try {
                return port.transcribeStreaming(request, started).withMeasuredDuration(measured);
            } catch (TranscriptionException e) {
                throw started.hasBegun() ? RoutedCall.endingTheCall(e) : e;
            } catch (RuntimeException e) {
                // Typically the caller went away mid-stream; no other deployment can help with that.
                throw started.hasBegun() ? RoutedCall.endingTheCall(new TranscriptionException(
                        new UpstreamUnavailable("The streamed transcript broke off after it began ("
                                + e.getClass().getSimpleName() + ")", OptionalInt.empty()), e)) : e;
            }
        });
    }

    // The audio's length as its header gives it, read once per call: what a deployment's max_audio_seconds is
    // checked against, and the duration of an answer whose vendor gave none.
    private static Optional<Double> measuredSeconds(TranscriptionRequest request) {
        return AudioDuration.seconds(request.audio().content());
    }
}
