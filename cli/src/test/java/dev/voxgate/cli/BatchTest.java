package dev.voxgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.cli.Transcriber.Answer;
import dev.voxgate.cli.Transcriber.Ask;
import dev.voxgate.cli.Transcriber.FileFailed;
import dev.voxgate.core.model.ResponseFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchTest {

    private static final Ask ASK = new Ask("whisper", ResponseFormat.TEXT, Optional.empty());

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Tally tally = new Tally(InstantSource.system());

    @Test
    void noMoreThanConcurrencyFilesAreInFlightAndEachOutputHoldsItsOwnAnswer() throws Exception {
        AtomicInteger inHand = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Job> jobs = jobs(8);

        run(new Batch(transcriber(file -> {
            most.accumulateAndGet(inHand.incrementAndGet(), Math::max);
            sleep(30);
            inHand.decrementAndGet();
            return "text of " + file.getFileName();
        }), ASK, 3, false, InstantSource.system()), jobs);

        assertThat(most.get()).isEqualTo(3);
        for (Job job : jobs) {
            assertThat(job.output()).hasContent("text of " + job.input().getFileName());
        }
        assertThat(tally.allSucceeded()).isTrue();
    }

    @Test
    void filesWhoseOutputExistsAreNotSentUnlessForced() throws Exception {
        List<Job> jobs = jobs(3);
        Files.writeString(jobs.get(1).output(), "done before");
        AtomicInteger sent = new AtomicInteger();
        Transcriber counting = transcriber(file -> "new " + sent.incrementAndGet());

        run(new Batch(counting, ASK, 2, false, InstantSource.system()), jobs);
        assertThat(sent.get()).isEqualTo(2);
        assertThat(jobs.get(1).output()).hasContent("done before");
        assertThat(printed()).contains("skipping 1 of 3 files whose output exists (--force redoes them)");

        run(new Batch(counting, ASK, 2, true, InstantSource.system()), jobs);
        assertThat(sent.get()).isEqualTo(5);
        assertThat(jobs.get(1).output()).content().startsWith("new ");
    }

    @Test
    void aFileThatFailsIsNamedWithItsReasonAndTheOthersAreStillDone() throws Exception {
        List<Job> jobs = jobs(4);
        Files.writeString(jobs.get(2).input(), "PK\u0003\u0004 a zip, not a recording");

        run(new Batch(transcriber(file -> "ok"), ASK, 2, false, InstantSource.system()), jobs);

        assertThat(tally.failures()).extracting(Tally.Failure::file).containsExactly(jobs.get(2).input());
        assertThat(tally.failures().getFirst().reason()).startsWith("not audio in a known format");
        assertThat(Stream.of(0, 1, 3).map(i -> jobs.get(i).output())).allMatch(Files::exists);
        assertThat(jobs.get(2).output()).doesNotExist();
        assertThat(printed()).contains("failed  " + jobs.get(2).input() + ": not audio in a known format");
        assertThat(tally.allSucceeded()).isFalse();
    }

    @Test
    void aFailureEveryFileWouldMeetStartsNoMoreFiles() throws Exception {
        AtomicInteger sent = new AtomicInteger();

        run(new Batch(transcriber(file -> {
            sent.incrementAndGet();
            throw new FileFailed("the proxy answered 401: wrong key", true);
        }), ASK, 1, false, InstantSource.system()), jobs(5));

        assertThat(sent.get()).isEqualTo(1);
        assertThat(tally.summary()).contains("stopped early: the proxy answered 401: wrong key");
        assertThat(tally.summary().getFirst()).contains("4 not started");
    }

    @Test
    void stopCancelsTheCallsInFlightStartsNoOtherAndLeavesNoOutputOrTempFile() throws Exception {
        List<Job> jobs = jobs(5);
        CountDownLatch twoInFlight = new CountDownLatch(2);
        Batch batch = new Batch(transcriber(file -> {
            twoInFlight.countDown();
            sleep(60_000);
            return "never";
        }), ASK, 2, false, InstantSource.system());
        Thread running = Thread.ofPlatform().start(() -> {
            try {
                run(batch, jobs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(twoInFlight.await(10, TimeUnit.SECONDS)).isTrue();
        tally.interrupted();
        batch.stop(Duration.ofSeconds(10));
        running.join(10_000);

        assertThat(running.isAlive()).isFalse();
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files).isEmpty();
        }
        assertThat(tally.summary().getFirst()).startsWith("Interrupted: 5 files: 0 transcribed")
                .contains("2 cancelled in flight (no output written), 3 not started");
    }

    private void run(Batch batch, List<Job> jobs) throws InterruptedException {
        try (Progress progress = new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8), tally, false)) {
            batch.run(jobs, tally, progress);
        }
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    // Files that start like WAV, each with its output under out/.
    private List<Job> jobs(int count) throws IOException {
        Files.createDirectories(dir.resolve("out"));
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path input = Files.write(dir.resolve("clip" + i + ".wav"), "RIFF\0\0\0\0WAVEfmt ".getBytes(
                    StandardCharsets.US_ASCII));
            jobs.add(new Job(input, dir.resolve("out/clip" + i + ".txt")));
        }
        return jobs;
    }

    private static Transcriber transcriber(Function<Path, String> answers) {
        return new Transcriber() {
            @Override
            public String describe() {
                return "scripted";
            }

            @Override
            public List<String> modelGroups() {
                return List.of("whisper");
            }

            @Override
            public Answer transcribe(Path file, Ask ask) {
                return new Answer(answers.apply(file), Optional.of(1.0), BigDecimal.ZERO);
            }

            @Override
            public void close() {
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new FileFailed("interrupted", false);
        }
    }
}
