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

/**
 * A fake deployment that follows a script, one step per call. A call beyond the script fails the test with an
 * {@link AssertionError} naming the deployment and the call; a script that means its last step to answer every
 * further call says so with {@link #repeats()}.
 */
final class ScriptedPort implements TranscriptionPort {

    private final List<Supplier<Transcription>> steps = new CopyOnWriteArrayList<>();
    // For streamed calls: a piece sent to the listener before the step of the same index runs.
    private final List<Optional<String>> firstPieces = new CopyOnWriteArrayList<>();
    private final AtomicInteger translations = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch called = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final List<Thread> callThreads = new CopyOnWriteArrayList<>();

    private volatile Capabilities capabilities = Capabilities.UNDECLARED;
    private volatile String deployment = "(a port no deployment was given)";
    private volatile boolean repeats;

    static ScriptedPort port() {
        return new ScriptedPort();
    }

    /** Names the deployment this port serves, for the failure of an unscripted call. */
    ScriptedPort serving(String deploymentId) {
        this.deployment = deploymentId;
        return this;
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

    /** The last step scripted so far answers every further call, as often as the test makes it. */
    ScriptedPort repeats() {
        if (steps.isEmpty()) {
            throw new IllegalStateException("script a step before saying it repeats");
        }
        this.repeats = true;
        return this;
    }

    ScriptedPort answers(String text) {
        return step(() -> Transcription.ofText(text));
    }

    /** Answers with a transcript of {@code audioSeconds} of audio. */
    ScriptedPort answersAudio(String text, double audioSeconds) {
        return step(() -> new Transcription(text, Optional.empty(), Optional.of(audioSeconds), List.of(), List.of(),
                Optional.empty(), Optional.empty()));
    }

    /** Moves the fake clock by {@code took}, as a provider taking that long would, then answers. */
    ScriptedPort answersAfter(Duration took, FakeClock clock, String text) {
        return step(() -> {
            clock.advance(took);
            return Transcription.ofText(text);
        });
    }

    /** Moves the fake clock by {@code took}, then fails. */
    ScriptedPort failsAfter(Duration took, FakeClock clock, TranscriptionFailure failure) {
        return step(() -> {
            clock.advance(took);
            throw new TranscriptionException(failure);
        });
    }

    ScriptedPort fails(TranscriptionFailure failure) {
        return step(() -> {
            throw new TranscriptionException(failure);
        });
    }

    /**
     * Blocks until interrupted, as a provider stuck in socket I/O on a virtual thread would; then fails as the aborted
     * read does, with the thread's interrupt status still set.
     */
    ScriptedPort hangs() {
        return step(() -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted.countDown();
                throw new TranscriptionException(
                        new TranscriptionFailure.UpstreamUnavailable("interrupted", OptionalInt.empty()));
            }
            throw new AssertionError("a latch that nothing opens was opened");
        });
    }

    /** Streams {@code piece}, then fails: a stream that breaks off after it began. */
    ScriptedPort streamsThenFails(String piece, TranscriptionFailure failure) {
        fails(failure);
        firstPieces.set(firstPieces.size() - 1, Optional.of(piece));
        return this;
    }

    /** Streams {@code piece}, then hangs until interrupted: a stream that stalls after it began. */
    ScriptedPort streamsThenHangs(String piece) {
        hangs();
        firstPieces.set(firstPieces.size() - 1, Optional.of(piece));
        return this;
    }

    /** The threads the calls ran on, in order. */
    List<Thread> callThreads() {
        return List.copyOf(callThreads);
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

    int calls() {
        return calls.get();
    }

    /** Whether this port was called within {@code within} (at once, if it already was). */
    boolean wasCalled(Duration within) throws InterruptedException {
        return called.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a call of this port saw its thread interrupted. */
    boolean wasInterrupted(Duration within) throws InterruptedException {
        return interrupted.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private int nextStep() {
        int call = calls.getAndIncrement();
        called.countDown();
        if (call < steps.size()) {
            return call;
        }
        if (repeats) {
            return steps.size() - 1;
        }
        throw new AssertionError("deployment '" + deployment + "' got call " + (call + 1) + ", but its script has "
                + steps.size() + (steps.size() == 1 ? " step" : " steps")
                + "; script the call, or end the script with repeats() if its last step answers every further call");
    }

    private ScriptedPort step(Supplier<Transcription> step) {
        steps.add(step);
        firstPieces.add(Optional.empty());
        return this;
    }
}
