package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.Optional;

/**
 * Where the router decides, before anything is picked, whether a call is made whole or in chunks
 * ({@link ChunkPlan}), and makes the chunked ones ({@link ChunkedCall}). A stream is never chunked: one whose upload
 * would be is refused at once, since its pieces would have to reach the caller in order as they are heard.
 *
 * <p>Thread-safe.
 */
final class Chunking {

    private final Routes routes;
    private final RoutingContext context;
    private final ChunkedCall chunked;

    Chunking(Routes routes, RoutingContext context, RoutingEngine engine) {
        this.routes = routes;
        this.context = context;
        this.chunked = new ChunkedCall(context, (piece, options) -> engine.execute(piece.model(), options,
                TranscriptionCalls.of(piece, options.task())));
    }

    /** {@code request} made in chunks, when its upload is too large or too long for its group; else empty. */
    Optional<Routed<Transcription>> route(TranscriptionRequest request, CallOptions options) {
        return plan(request, options.task(), false).map(plan -> chunked.run(plan, request, options));
    }

    /**
     * @throws RoutedTranscriptionException with {@link InvalidRequest} on {@code stream} when {@code request} is to
     *                                      be streamed but its upload could only be transcribed in chunks
     */
    void refuseStreamOfChunks(TranscriptionRequest request) {
        plan(request, AudioTask.TRANSCRIBE, true).ifPresent(plan -> {
            throw new RoutedTranscriptionException(new TranscriptionException(InvalidRequest.ofParam("stream",
                    "This upload is too large for any deployment of model=" + request.model() + " in one piece ("
                            + plan.reason() + "). Voxgate transcribes such uploads in chunks, but does not stream "
                            + "them: send stream=false, or a shorter file.")), ChunkReports.none(request.model()));
        });
    }

    private Optional<ChunkPlan> plan(TranscriptionRequest request, AudioTask task, boolean streaming) {
        Optional<Route> route;
        try {
            route = routes.find(request.model());
        } catch (TranscriptionException e) {
            return Optional.empty(); // the call made whole reports it, as it does for any name it cannot route
        }
        return route.flatMap(found -> ChunkPlan.of(found, request, task, streaming, context.settings().chunking()));
    }
}
