package dev.voxgate.router;

import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A fake deployment that follows a script, one step per call; the last step repeats. */
final class ScriptedPort implements TranscriptionPort {

    private final List<Supplier<Transcription>> steps = new CopyOnWriteArrayList<>();
    // For streamed calls: a piece sent to the listener before the step of the same index runs.
    private final List<Optional<String>> firstPieces = new CopyOnWriteArrayList<>();
    private final AtomicInteger translations = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final List<Thread> callThreads = new CopyOnWriteArrayList<>();

    private volatile Capabilities capabilities = Capabilities.UNDECLARED;

    static ScriptedPort port() {
        return new ScriptedPort();
    }

    /** Declares what this deployment can serve (by default: everything). */
    ScriptedPort declares(Capabilities declared) {
        this.capabilities = declared;
        return this;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    ScriptedPort answers(String text) {
        step(() -> Transcription.ofText(text));
        return this;
    }

    /** Answers with a transcript of {@code audioSeconds} of audio. */
    ScriptedPort answersAudio(String text, double audioSeconds) {
        step(() -> new Transcription(text, Optional.empty(), Optional.of(audioSeconds), List.of(), List.of(),
                Optional.empty(), Optional.empty()));
        return this;
    }

    /** Moves the fake clock by {@code took}, as a provider taking that long would, then answers. */
    ScriptedPort answersAfter(Duration took, FakeClock clock, String text) {
        step(() -> {
            clock.advance(took);
            return Transcription.ofText(text);
        });
        return this;
    }

    /** Moves the fake clock by {@code took}, then fails. */
    ScriptedPort failsAfter(Duration took, FakeClock clock, TranscriptionFailure failure) {
        step(() -> {
            clock.advance(took);
            throw new TranscriptionException(failure);
        });
        return this;
    }

    ScriptedPort fails(TranscriptionFailure failure) {
        step(() -> {
            throw new TranscriptionException(failure);
        });
        return this;
    }

    /** Blocks until interrupted, as a provider stuck in socket I/O would. */
    ScriptedPort hangs() {
        step(() -> {
            pause(Duration.ofMinutes(10));
            throw new AssertionError("a hanging call was never interrupted");
        });
        return this;
    }

    /** The threads the calls ran on, in order. */
    List<Thread> callThreads() {
        return List.copyOf(callThreads);
    }

    /** Takes {@code time}, then fails. */
    ScriptedPort slowlyFails(Duration time, TranscriptionFailure failure) {
        step(() -> {
            pause(time);
            throw new TranscriptionException(failure);
        });
        return this;
    }

    /** Streams {@code piece}, then fails: a stream that breaks off after it began. */
    ScriptedPort streamsThenFails(String piece, TranscriptionFailure failure) {
        fails(failure);
        firstPieces.set(firstPieces.size() - 1, Optional.of(piece));
        return this;
    }

    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        callThreads.add(Thread.currentThread());
        return steps.get(nextStep()).get();
    }

    @Override
    public Transcription translate(TranscriptionRequest request) {
        translations.incrementAndGet();
        return transcribe(request);
    }

    /** Runs the next step as a stream: its first piece, if scripted, then its whole text as one more piece. */
    @Override
    public Transcription transcribeStreaming(TranscriptionRequest request, TranscriptListener listener) {
        int step = nextStep();
        firstPieces.get(step).ifPresent(listener::onDelta);
        Transcription transcription = steps.get(step).get();
        listener.onDelta(transcription.text());
        return transcription;
    }

    int translations() {
        return translations.get();
    }

    private int nextStep() {
        int call = calls.getAndIncrement();
        if (steps.isEmpty()) {
            throw new AssertionError("no script for this port");
        }
        return Math.min(call, steps.size() - 1);
    }

    private void step(Supplier<Transcription> step) {
        steps.add(step);
        firstPieces.add(Optional.empty());
    }

    int calls() {
        return calls.get();
    }

    /** Whether a call of this port saw its thread interrupted. */
    boolean wasInterrupted(Duration within) throws InterruptedException {
        return interrupted.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pause(Duration time) {
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw new TranscriptionException(
                    new TranscriptionFailure.UpstreamUnavailable("interrupted", OptionalInt.empty()));
        }
    }
}
