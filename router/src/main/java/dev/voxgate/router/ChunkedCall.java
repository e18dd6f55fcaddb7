package dev.voxgate.router;

import dev.voxgate.core.audio.AudioDecoder;
import dev.voxgate.core.audio.CutFinder;
import dev.voxgate.core.audio.CutFinder.Span;
import dev.voxgate.core.audio.DecodeDeadline;
import dev.voxgate.core.audio.MonoPcm;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.TranscriptStitcher.Piece;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Transcribes an upload too large or too long for its group in chunks: decodes it, cuts it at silences
 * ({@link CutFinder}), sends each chunk, as a 16-bit mono WAV, through the router as a call of its own (so each is
 * retried and falls back on its own, and counts against the deployments' limits like any call), at most
 * {@link ChunkingSettings#maxParallel()} at once and all within the one call's deadline, and stitches the answers
 * ({@link TranscriptStitcher}). If any chunk finally fails, the whole call fails, naming the chunk and where it lies
 * in the audio, and the chunks still running are cancelled: no partial transcript is ever returned.
 *
 * <p>Thread-safe; per-call state lives on the stack of {@link #run}.
 */
final class ChunkedCall {

    // Whisper reads at most 224 tokens of prompt; the end of the previous chunk's text stays well within it.
    private static final int PROMPT_TAIL_CHARS = 200;

    private final RoutingContext context;
    private final BiFunction<TranscriptionRequest, CallOptions, Routed<Transcription>> route;
    private final ThreadFactory threads = Thread.ofVirtual().name("voxgate-chunk-", 0).factory();

    /** @param route routes one chunk's request as a call of its own */
    ChunkedCall(RoutingContext context, BiFunction<TranscriptionRequest, CallOptions, Routed<Transcription>> route) {
        this.context = context;
        this.route = route;
    }

    /**
     * The transcript of {@code request}, made in the chunks {@code plan} allows.
     *
     * @throws RoutedTranscriptionException when the audio cannot be decoded, or a chunk failed
     */
    Routed<Transcription> run(ChunkPlan plan, TranscriptionRequest request, CallOptions options) {
        Instant started = context.clock().instant();
        ChunkingSettings chunking = context.settings().chunking();
        Deadline deadline = Deadline.start(Stream.concat(options.timeout().stream(),
                context.settings().totalTimeout().stream()).min(Duration::compareTo));
        ChunkReports chunks = new ChunkReports(request.model(), started, context.clock());
        try {
            MonoPcm pcm = new AudioDecoder(chunking.ffmpegPath(), chunking.maxDecoded().toSeconds())
                    .decode(request.audio(), DecodeDeadline.after(deadline.remaining()
                            .orElse(context.settings().attemptTimeout())));
            if (pcm.samples().length == 0) {
                throw new TranscriptionException(InvalidRequest.ofParam("file", "The uploaded file '"
                        + request.audio().filename() + "' holds no audio to transcribe."));
            }
            List<Span> spans = CutFinder.spans(pcm, new CutFinder.Rules(plan.maxSamples(),
                    samples(chunking.silenceSearch()), samples(chunking.overlap()), chunking.silenceRms()));
            Call call = new Call(plan, request, options, deadline, pcm, spans, chunks);
            List<Routed<Transcription>> answers = plan.promptChain() ? inTurn(call) : together(call, chunking);
            List<Piece> pieces = new ArrayList<>();
            for (int i = 0; i < spans.size(); i++) {
                pieces.add(new Piece(spans.get(i), answers.get(i).value()));
            }
            return new Routed<>(TranscriptStitcher.stitch(pieces, pcm.durationSeconds()), chunks.report(false));
        } catch (ChunkFailed failed) {
            chunks.done(failed.span, failed.cause.report());
            throw new RoutedTranscriptionException(failed.named(), chunks.report(true));
        } catch (RoutedTranscriptionException e) {
            throw e;
        } catch (TranscriptionException e) {
            throw new RoutedTranscriptionException(e, chunks.report(true));
        }
    }

    /** One chunked call's parts. */
    private record Call(ChunkPlan plan, TranscriptionRequest request, CallOptions options, Deadline deadline,
                        MonoPcm pcm, List<Span> spans, ChunkReports reports) {
    }

    // A prompt chain needs each chunk's text before the next is sent.
    private List<Routed<Transcription>> inTurn(Call call) {
        List<Routed<Transcription>> answers = new ArrayList<>();
        Optional<String> prompt = call.request().prompt();
        for (Span span : call.spans()) {
            Routed<Transcription> answer = chunk(call, span, prompt);
            call.reports().done(span, answer.report());
            answers.add(answer);
            prompt = Optional.of(tail(call.request().prompt(), answer.value().text()));
        }
        return answers;
    }

    private List<Routed<Transcription>> together(Call call, ChunkingSettings chunking) {
        List<Span> spans = call.spans();
        Semaphore slots = new Semaphore(chunking.maxParallel(), true);
        BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        List<FutureTask<Routed<Transcription>>> tasks = new ArrayList<>();
        for (Span span : spans) {
            FutureTask<Routed<Transcription>> task = new FutureTask<>(() -> {
                slots.acquire();
                try {
                    return chunk(call, span, call.request().prompt());
                } finally {
                    slots.release();
                }
            }) {
                @Override
                protected void done() {
                    finished.add(span.index());
                }
            };
            tasks.add(task);
            threads.newThread(context.listeners().handoff(task)).start();
        }
        try {
            for (int left = spans.size(); left > 0; left--) {
                int index = finished.take();
                try {
                    call.reports().done(spans.get(index), tasks.get(index).get().report());
                } catch (ExecutionException e) {
                    tasks.forEach(task -> task.cancel(true));
                    throw e.getCause() instanceof ChunkFailed failed ? failed : unchecked(e.getCause());
                }
            }
            return tasks.stream().map(FutureTask::resultNow).toList();
        } catch (InterruptedException e) {
            tasks.forEach(task -> task.cancel(true));
            throw CallEnded.interrupted().failure();
        }
    }

    private Routed<Transcription> chunk(Call call, Span span, Optional<String> prompt) {
        Optional<Duration> left = call.deadline().remaining();
        if (left.isPresent() && !left.get().isPositive()) {
            throw new ChunkFailed(call, span, new RoutedTranscriptionException(new TranscriptionException(
                    new UpstreamTimeout("the call's deadline passed before it was sent")),
                    ChunkReports.none(call.request().model())));
        }
        CallOptions options = call.options();
        CallOptions timed = new CallOptions(options.task(), options.fallbacks(), left.or(options::timeout),
                options.numRetries(), options.mockTestingFallbacks(), options.disableFallbacks(),
                options.credentials());
        TranscriptionRequest.Builder piece = call.request().toBuilder()
                .audio(AudioInput.of(stem(call.request().audio().filename()) + "-chunk" + (span.index() + 1)
                        + ".wav", call.pcm().wav(span.startSample(), span.endSample())))
                .responseFormat(call.plan().chunkFormat());
        prompt.ifPresent(piece::prompt);
        try {
            return route.apply(piece.build(), timed);
        } catch (RoutedTranscriptionException e) {
            throw new ChunkFailed(call, span, e);
        }
    }

    private static String tail(Optional<String> callers, String text) {
        String tail = text.length() <= PROMPT_TAIL_CHARS ? text : text.substring(text.length() - PROMPT_TAIL_CHARS);
        int space = tail.indexOf(' ');
        String words = text.length() > PROMPT_TAIL_CHARS && space >= 0 ? tail.substring(space + 1) : tail;
        return callers.map(prompt -> prompt + " " + words).orElse(words).strip();
    }

    private static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }

    private static int samples(Duration length) {
        return (int) (length.toMillis() * MonoPcm.SAMPLE_RATE / 1000);
    }

    private static RuntimeException unchecked(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** A chunk that finally failed, with where it lies, on its way to ending the whole call. */
    private static final class ChunkFailed extends RuntimeException {
        private final transient Span span;
        private final transient RoutedTranscriptionException cause;
        private final int chunks;

        ChunkFailed(Call call, Span span, RoutedTranscriptionException cause) {
            super(null, cause, false, false);
            this.span = span;
            this.cause = cause;
            this.chunks = call.spans().size();
        }

        TranscriptionException named() {
            String message = String.format(Locale.ROOT, "Chunk %d of %d (%.1f s to %.1f s of the audio) failed, so "
                    + "no transcript is returned: %s", span.index() + 1, chunks, span.startSeconds(),
                    span.endSeconds(), cause.getMessage());
            return new TranscriptionException(cause.failure().withMessage(message), cause);
        }
    }
}
