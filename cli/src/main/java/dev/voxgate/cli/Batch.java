package dev.voxgate.cli;

import dev.voxgate.cli.Transcriber.Answer;
import dev.voxgate.cli.Transcriber.Ask;
import dev.voxgate.cli.Transcriber.FileFailed;
import dev.voxgate.core.audio.AudioDuration;
import dev.voxgate.core.audio.AudioSignature;
import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Transcribes the jobs whose output is not there yet (all of them with {@code force}), {@code concurrency} at a
 * time, each on a virtual thread of its own, and writes each answer through {@link OutputFile}. A file that fails is
 * counted with its reason and the others go on; a failure that every file would meet (a refused key, an unknown
 * model) starts no more. {@link #stop()} is Ctrl-C: no file starts after it, and calls in flight are cancelled by
 * interrupting their threads, which ends a vendor or proxy call blocked on its socket; an answer that had already
 * arrived is still written, whole.
 *
 * <p>Thread-safe; one {@link #run} per instance.
 */
final class Batch {

    private final Transcriber transcriber;
    private final Ask ask;
    private final int concurrency;
    private final boolean force;
    private final InstantSource clock;
    private final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();
    private final Map<Thread, Job> inFlight = new ConcurrentHashMap<>();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile boolean ended;

    Batch(Transcriber transcriber, Ask ask, int concurrency, boolean force, InstantSource clock) {
        this.transcriber = transcriber;
        this.ask = ask;
        this.concurrency = concurrency;
        this.force = force;
        this.clock = clock;
    }

    /** Runs {@code jobs} to the end (or to {@link #stop()}), counting on {@code tally} and showing {@code progress}. */
    void run(List<Job> jobs, Tally tally, Progress progress) throws InterruptedException {
        List<Job> toDo = jobs.stream().filter(job -> force || !job.done()).toList();
        long bytes = toDo.stream().mapToLong(Batch::size).sum();
        double audio = toDo.stream().mapToDouble(job -> audioSeconds(job.input()).orElse(0.0)).sum();
        tally.planned(toDo.size(), bytes, audio, jobs.size() - toDo.size());
        if (toDo.size() < jobs.size()) {
            progress.note("skipping " + (jobs.size() - toDo.size()) + " of " + jobs.size() + " files whose output "
                    + "exists (--force redoes them)");
        }
        queue.addAll(toDo);
        for (int i = 0; i < Math.min(concurrency, toDo.size()); i++) {
            // Known before it runs, so that a stop() at any moment interrupts every worker that has started.
            Thread worker = Thread.ofVirtual().name("voxgate-file-" + i).unstarted(() -> work(tally, progress));
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    /**
     * Ctrl-C: starts no more files, cancels the calls in flight, and waits up to {@code patience} for their threads
     * to end; then removes whatever temp file a still-running one may have left, so no partial output remains.
     */
    void stop(Duration patience) throws InterruptedException, IOException {
        stopping = true;
        workers.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + patience.toNanos();
        for (Thread worker : workers) {
            worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        for (Job job : inFlight.values()) {
            Files.deleteIfExists(OutputFile.temp(job.output()));
        }
    }

    private void work(Tally tally, Progress progress) {
        Job job;
        while (!stopping && !ended && (job = queue.poll()) != null) {
            inFlight.put(Thread.currentThread(), job);
            try {
                transcribe(job, tally, progress);
            } finally {
                inFlight.remove(Thread.currentThread());
            }
        }
    }

    private void transcribe(Job job, Tally tally, Progress progress) {
        long started = clock.millis();
        long size = size(job);
        try {
            requireAudio(job.input());
            Answer answer = transcriber.transcribe(job.input(), ask);
            OutputFile.write(job.output(), answer.body());
            tally.succeeded(size, answer.audioSeconds().or(() -> audioSeconds(job.input())).orElse(0.0),
                    answer.cost());
            progress.done(job, Duration.ofMillis(clock.millis() - started));
        } catch (RuntimeException | IOException e) {
            if (stopping) {
                tally.cancelled();
                progress.cancelled(job);
                return;
            }
            String reason = reason(job, e);
            tally.failed(job.input(), size, reason);
            progress.failed(job, reason);
            if (e instanceof FileFailed failed && failed.endsBatch()) {
                ended = true;
                tally.endedBy(reason);
            }
        }
    }

    // Refused here, before a vendor is paid to say the same, and worded like the proxy's own refusal.
    private static void requireAudio(Path file) {
        if (AudioSignature.of(new AudioContent.OnDisk(file, size(file))).isEmpty()) {
            throw new FileFailed("not audio in a known format: its first bytes match none of "
                    + AudioSignature.KNOWN, false);
        }
    }

    private static String reason(Job job, Exception e) {
        if (e instanceof FileFailed) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "cannot write " + job.output() + ": " + e.getMessage();
        }
        if (e instanceof UncheckedIOException unreadable) {
            return "cannot read it: " + switch (unreadable.getCause()) {
                case AccessDeniedException denied -> "permission denied";
                case NoSuchFileException gone -> "it is gone";
                case IOException other -> other.getMessage();
            };
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static Optional<Double> audioSeconds(Path file) {
        return AudioDuration.seconds(new AudioContent.OnDisk(file, size(file)));
    }

    private static long size(Job job) {
        return size(job.input());
    }

    // Zero for a file that cannot be sized: reading it fails next, with the reason.
    private static long size(Path file) {
        return file.toFile().length();
    }
}
