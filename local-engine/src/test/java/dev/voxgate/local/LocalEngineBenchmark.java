package dev.voxgate.local;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Transcription;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Prints the local engine's real-time factor (decode time over audio time, wall clock and CPU) and the process's
 * peak memory on the shipped clips. Not a test: timings depend on the machine and its load. Run it with
 * {@code bin/local-engine-bench}.
 */
public final class LocalEngineBenchmark {

    private static final List<Clip> CLIPS = List.of(
            new Clip("quick-brown-fox.wav", Optional.of(LocalEngineTest.FOX)),
            new Clip("gettysburg-opening.wav", Optional.of("four score and seven years ago our fathers brought forth "
                    + "on this continent a new nation")),
            new Clip("quick-brown-fox-44k-stereo.wav", Optional.of(LocalEngineTest.FOX)),
            new Clip("sense-and-sensibility.wav", Optional.empty()));

    private LocalEngineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long loadStart = System.nanoTime();
        TranscriptionPort local = LocalDeployments.bundled();
        System.out.printf("model load (unpack if needed, then load): %.2f s%n", (System.nanoTime() - loadStart) / 1e9);
        System.out.printf("%-32s %7s %9s %9s %8s %8s %6s%n", "clip", "audio s", "wall s", "cpu s", "RTF wall",
                "RTF cpu", "WER");
        for (Clip clip : CLIPS) {
            for (int round = 0; round < rounds; round++) {
                clip.measure(local);
            }
        }
        System.out.println(memory());
    }

    private static String memory() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "peak memory: /proc/self/status is not available on this system";
        }
        String peak = Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:")).findFirst()
                .map(line -> line.substring("VmHWM:".length()).strip()).orElse("unknown");
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return "peak resident memory of the JVM (VmHWM): " + peak + "; peak Java heap used: " + (peakHeap >> 20)
                + " MB (the model itself lives in native memory)";
    }

    /** A shipped clip and, where there is one, the text it was made from. */
    private record Clip(String name, Optional<String> reference) {

        void measure(TranscriptionPort local) throws IOException {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            Transcription transcription = LocalDeployments.transcribe(local, LocalDeployments.clip(name));
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double audio = transcription.durationSeconds().orElseThrow();
            String expected = reference.isPresent() ? reference.get()
                    : Files.readString(LocalDeployments.clip(name.replace(".wav", ".txt")), StandardCharsets.UTF_8);
            System.out.printf("%-32s %7.2f %9.2f %9.2f %8.3f %8.3f %5.1f%%  %s%n", name, audio, wall, cpu,
                    wall / audio, cpu / audio, 100 * WordErrorRate.of(expected, transcription.text()),
                    transcription.text());
        }
    }
}
