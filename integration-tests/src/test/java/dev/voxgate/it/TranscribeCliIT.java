package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.cli.VoxgateCli;
import dev.voxgate.core.EnvironmentSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voxgate transcribe} end to end: in process on a config whose deployment is a strict loopback OpenAI, and
 * through a real proxy started on that config; the fake counts what reaches it, so a run that skips sends nothing.
 */
class TranscribeCliIT {

    private static final String TRANSCRIPT = "Four score and seven years ago";
    private static final String MASTER_KEY = "sk-master-cli";

    @TempDir
    Path dir;

    @Test
    void inProcessAFolderOfFiveClipsBecomesFiveSrtFilesAndARunAgainSendsNothing() throws IOException {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-vendor", TRANSCRIPT)) {
            Path clips = fiveClips("clips");
            Path config = config(vendor);

            Run first = cli("--config", config.toString(), "--format", "srt", "--out", dir.resolve("OUT").toString(),
                    clips.toString());

            assertThat(first.status()).as(first.out()).isZero();
            assertThat(srtFiles("OUT")).containsExactly("clip1.srt", "clip2.srt", "clip3.srt", "clip4.srt",
                    "clip5.srt");
            assertThat(dir.resolve("OUT/clip3.srt")).content().contains(TRANSCRIPT).startsWith("1\n00:00:00,000");
            assertThat(vendor.seen()).hasSize(5).allSatisfy(request -> assertThat(request.fields()
                    .get("response_format")).containsExactly("srt"));
            // Priced at $0.001 a second, five clips of two seconds.
            assertThat(first.out()).contains("5 files: 5 transcribed, 0 skipped (output already there), 0 failed")
                    .contains("audio 0:00:10, cost $0.01");

            Run again = cli("--config", config.toString(), "--format", "srt", "--out", dir.resolve("OUT").toString(),
                    clips.toString());

            assertThat(again.status()).as(again.out()).isZero();
            assertThat(vendor.seen()).hasSize(5);
            assertThat(again.out()).contains("5 files: 0 transcribed, 5 skipped (output already there), 0 failed");
        }
    }

    @Test
    void aCorruptFileAmongFiveFailsAloneIsNamedInTheSummaryAndTheRunExitsNonZero() throws IOException {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-vendor", TRANSCRIPT)) {
            Path clips = fiveClips("clips");
            Path corrupt = Files.writeString(clips.resolve("corrupt.wav"), "<html>not a recording</html>");

            Run run = cli("--config", config(vendor).toString(), "--format", "srt", "--out",
                    dir.resolve("OUT").toString(), clips.toString());

            assertThat(run.status()).as(run.out()).isEqualTo(1);
            assertThat(srtFiles("OUT")).hasSize(5).doesNotContain("corrupt.srt");
            assertThat(vendor.seen()).hasSize(5);
            assertThat(run.out()).contains("6 files: 5 transcribed, 0 skipped (output already there), 1 failed")
                    .contains("failed:\n  " + corrupt + ": not audio in a known format");
        }
    }

    @Test
    void throughARunningProxyTheSameFolderBecomesFiveSrtFilesCostedByTheProxyAndIsThenSkipped() throws IOException {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-vendor", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config(vendor), Map.of())) {
            Path clips = fiveClips("clips");
            String[] args = {"--proxy", proxy.baseUrl(), "--api-key", MASTER_KEY, "--format", "srt", "--out",
                    dir.resolve("OUT").toString(), clips.toString()};

            Run first = cli(args);
            Run again = cli(args);

            assertThat(first.status()).as(first.out()).isZero();
            assertThat(srtFiles("OUT")).hasSize(5);
            assertThat(dir.resolve("OUT/clip1.srt")).content().contains(TRANSCRIPT);
            assertThat(first.out()).contains("via proxy " + proxy.baseUrl() + "/v1/")
                    .contains("5 files: 5 transcribed").contains("cost $0.01");
            assertThat(again.status()).isZero();
            assertThat(again.out()).contains("5 files: 0 transcribed, 5 skipped");
            assertThat(vendor.seen()).hasSize(5);
        }
    }

    @Test
    void aKeyTheProxyRefusesEndsTheRunBeforeAnyFileIsSentAndIsNeverPrinted() throws IOException {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-vendor", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config(vendor), Map.of())) {
            Run run = cli("--proxy", proxy.baseUrl(), "--api-key", "sk-wrong-secret", "--model", "whisper",
                    fiveClips("clips").toString());

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).contains("answered GET /v1/models with 401");
            assertThat(run.out() + run.err()).doesNotContain("sk-wrong-secret");
            assertThat(vendor.seen()).isEmpty();
        }
    }

    @Test
    void aRecursiveGlobAndAFolderFindTheirClipsAndOutKeepsTheFoldersBelowThem() throws IOException {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-vendor", TRANSCRIPT)) {
            Path talks = Files.createDirectories(dir.resolve("talks/2026/day1"));
            Files.createDirectories(dir.resolve("talks/2026/day2"));
            TestFiles.tone(talks, "opening.wav", 1);
            TestFiles.tone(dir.resolve("talks/2026/day2"), "opening.wav", 1);
            TestFiles.tone(dir.resolve("talks"), "notes.wav", 1);
            Files.writeString(dir.resolve("talks/2026/day2/agenda.txt"), "not audio, not taken from a folder");

            Run globbed = cli("--config", config(vendor).toString(), "--format", "text", "--out",
                    dir.resolve("G").toString(), dir + "/talks/**/opening.wav");
            Run folder = cli("--config", config(vendor).toString(), "--format", "vtt", dir.resolve("talks")
                    .toString());

            assertThat(globbed.status()).as(globbed.out()).isZero();
            assertThat(dir.resolve("G/2026/day1/opening.txt")).content().contains(TRANSCRIPT);
            assertThat(dir.resolve("G/2026/day2/opening.txt")).exists();
            assertThat(dir.resolve("G/notes.txt")).doesNotExist();
            assertThat(folder.status()).as(folder.out()).isZero();
            assertThat(List.of("talks/notes.vtt", "talks/2026/day1/opening.vtt", "talks/2026/day2/opening.vtt"))
                    .allSatisfy(file -> assertThat(dir.resolve(file)).content().startsWith("WEBVTT"));
            assertThat(vendor.seen()).hasSize(5);
        }
    }

    @Test
    void ctrlCCancelsTheCallsInFlightKeepsWhatWasDoneAndLeavesNoHalfWrittenFile() throws Exception {
        Path jar = Examples.root().resolve("cli/target/voxgate.jar");
        assertThat(jar).as("run mvn verify: the CLI jar is built before the integration tests").exists();
        try (CountingVendor vendor = CountingVendor.holdingFirst(2, TRANSCRIPT)) {
            Path config = config(vendor.baseUrl());
            Path clips = Files.createDirectories(dir.resolve("clips"));
            for (int i = 1; i <= 3; i++) {
                TestFiles.tone(clips, "clip" + i + ".wav", 1);
            }
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "transcribe", "--config", config.toString(), "--concurrency", "3",
                    "--out", dir.resolve("OUT").toString(), clips.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
            try {
                assertThat(vendor.awaitHeld(Duration.ofSeconds(30))).as("two calls held").isTrue();
                awaitFiles("OUT", 1);

                new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

                assertThat(cli.waitFor(30, TimeUnit.SECONDS)).as("the CLI stopped").isTrue();
                String log = Files.readString(dir.resolve("cli.log"));
                assertThat(cli.exitValue()).as(log).isEqualTo(130);
                try (Stream<Path> left = Files.list(dir.resolve("OUT"))) {
                    assertThat(left.map(path -> path.getFileName().toString())).as(log).hasSize(1)
                            .allMatch(name -> name.matches("clip\\d\\.json"));
                }
                assertThat(log).contains("Interrupted: 3 files: 1 transcribed")
                        .contains("2 cancelled in flight (no output written)");
            } finally {
                cli.destroyForcibly();
            }
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run cli(String... args) {
        List<String> command = new ArrayList<>(List.of("transcribe"));
        command.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VoxgateCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), EnvironmentSource.of(Map.of()),
                command.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path config(FakeSpeechVendor vendor) {
        return config(vendor.baseUrl());
    }

    private Path config(String vendorBase) {
        return TestFiles.config(dir, "config.yaml", """
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: openai/whisper-1
                      api_base: %s
                      api_key: sk-vendor
                      input_cost_per_second: 0.001
                general_settings:
                  master_key: %s
                """.formatted(vendorBase, MASTER_KEY));
    }

    private Path fiveClips(String folder) throws IOException {
        Path clips = Files.createDirectories(dir.resolve(folder));
        for (int i = 1; i <= 5; i++) {
            TestFiles.tone(clips, "clip" + i + ".wav", 2);
        }
        return clips;
    }

    private List<String> srtFiles(String folder) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(folder))) {
            return new ArrayList<>(files.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    private void awaitFiles(String folder, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isDirectory(dir.resolve(folder)) || srtFiles(folder).size() < count) {
            assertThat(System.nanoTime()).as("%d file(s) in %s", count, folder).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
