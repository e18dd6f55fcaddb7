package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak run, not part of {@code mvn verify} (its name matches no test pattern): bounded mixed traffic, good, bad
 * and faulty, through an in-process proxy and loopback vendors for {@code -Dvoxgate.soak.seconds} (default 300). It
 * prints, every 15 s, the answers so far and the heap after a collection, threads and open files, then fails on any
 * answer outside the expected ones or on a heap that grew. Run it with {@code bench/soak.sh [seconds]}.
 */
class SoakRun {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);
    private static final int WORKERS = 6;
    private static final long MAX_HEAP_GROWTH_MIB = 48;

    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final LongAdder requests = new LongAdder();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();

    @Test
    void mixedTrafficForMinutesAnswersOnlyAsExpectedWithFlatMemory(@TempDir Path dir) throws Exception {
        Duration length = Duration.ofSeconds(Long.getLong("voxgate.soak.seconds", 300));
        try (SoakVendor healthy = SoakVendor.healthy("soaked");
             SoakVendor failing = SoakVendor.faulty(UpstreamFault.INTERNAL_ERROR_500);
             SoakVendor resetting = SoakVendor.faulty(UpstreamFault.RESET_DURING_UPLOAD);
             SoakVendor truncating = SoakVendor.faulty(UpstreamFault.TRUNCATED_JSON);
             SoakVendor unavailable = SoakVendor.faulty(UpstreamFault.UNAVAILABLE_503);
             SoakVendor late = SoakVendor.late(3);
             SoakVendor limited = SoakVendor.faulty(UpstreamFault.RATE_LIMITED_WITH_RETRY_AFTER);
             RunningProxy proxy = RunningProxy.start(TestFiles.config(dir, "soak.yaml", SoakTraffic.config(healthy,
                     failing, resetting, truncating, unavailable, late, limited)), Map.of())) {
            SoakTraffic traffic = new SoakTraffic(proxy.baseUrl(), TestFiles.wav(dir, "small.wav", 8 * 1024),
                    TestFiles.wav(dir, "large.wav", 1_536 * 1024), healthy.baseUrl(),
                    new Random(Long.getLong("voxgate.soak.seed", 8)));
            Set<Integer> vendorPorts = Set.of(healthy.port(), failing.port(), resetting.port(), truncating.port(),
                    unavailable.port(), late.port(), limited.port());
            List<Long> heap = run(traffic, length, proxy.port(), vendorPorts);

            LeakProbe.awaitBackTo(LeakProbe.take(proxy.port(), vendorPorts), 1_000, proxy.port(), vendorPorts,
                    Duration.ofSeconds(30));
            System.out.println("soak: " + requests.sum() + " requests in " + length.toSeconds() + " s; answers "
                    + new TreeMap<>(answers) + "; unexpected " + unexpected.size());
            unexpected.stream().limit(20).forEach(line -> System.out.println("soak: unexpected " + line));
            assertThat(unexpected).as("answers outside the expected ones").isEmpty();
            long settled = heap.get(Math.min(1, heap.size() - 1));
            assertThat(heap.getLast() - settled).as("heap growth after warm-up, MiB").isLessThan(MAX_HEAP_GROWTH_MIB);
        }
    }

    // Runs the workers for `length`, printing a line every REPORT_EVERY; returns the heap after GC at each line.
    private List<Long> run(SoakTraffic traffic, Duration length, int proxyPort, Set<Integer> vendorPorts)
            throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        List<Long> heap = new ArrayList<>();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < WORKERS; i++) {
                workers.submit(() -> work(traffic, end));
            }
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(REPORT_EVERY.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                heap.add(report(Duration.ofNanos(System.nanoTime() - start), proxyPort, vendorPorts));
            }
        }
        return heap;
    }

    private void work(SoakTraffic traffic, long end) {
        while (System.nanoTime() < end) {
            SoakTraffic.Kind kind = traffic.next();
            String outcome;
            try (Response response = http.newCall(kind.request().get()).execute()) {
                String body = response.body().string();
                outcome = Integer.toString(response.code());
                if (!kind.expected().contains(response.code())) {
                    unexpected.add(kind.name() + " -> " + response.code() + " "
                            + body.substring(0, Math.min(200, body.length())));
                }
            } catch (IOException e) {
                outcome = "io-error";
                unexpected.add(kind.name() + " -> " + e);
            }
            answers.computeIfAbsent(outcome, key -> new LongAdder()).increment();
            requests.increment();
        }
    }

    private long report(Duration elapsed, int proxyPort, Set<Integer> vendorPorts) {
        System.gc();
        long heapMib = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        LeakProbe probe = LeakProbe.take(proxyPort, vendorPorts);
        // One println per line, so that the proxy's log lines on the other stream do not cut into it.
        System.out.println(String.format("soak: t=%4ds requests=%6d unexpected=%d heap-after-gc=%dMiB rss=%s "
                        + "platform-threads=%d proxy-upstream-connections=%d other-fds=%d upload-temp-files=%d",
                elapsed.toSeconds(), requests.sum(), unexpected.size(), heapMib, rss(), probe.platformThreads(),
                probe.upstreamConnections(), probe.otherFiles(), probe.uploadFiles()));
        return heapMib;
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS"))
                    .map(line -> line.replaceAll("\\D+", "") + "kB").findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
