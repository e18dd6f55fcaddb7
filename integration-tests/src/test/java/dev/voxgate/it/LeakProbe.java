package dev.voxgate.it;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Counts what the proxy in this JVM holds, to show nothing leaks: its connections to vendors and from clients (told
 * apart from the fakes' own through {@code /proc/net/tcp}), other open files, platform threads other than the fakes',
 * routing attempts still running on virtual threads, and upload temp files. Linux only, as {@code /proc} is.
 *
 * @param upstreamConnections sockets of this JVM connected to a vendor port
 * @param clientConnections   sockets of this JVM on the proxy's own port (accepted from clients)
 * @param otherFiles          open descriptors that are not sockets
 * @param platformThreads     live platform threads, the mock vendors' own excepted
 * @param attemptThreads      live {@code voxgate-attempt-*} threads, virtual included
 * @param uploadFiles         upload temp files (Voxgate's and Jetty's) in {@code java.io.tmpdir}
 */
record LeakProbe(int upstreamConnections, int clientConnections, int otherFiles, int platformThreads,
                 int attemptThreads, int uploadFiles) {

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final Pattern ATTEMPT_THREAD = Pattern.compile("\"name\":\\s*\"voxgate-attempt-");

    /** What this JVM holds now, for a proxy on {@code proxyPort} calling vendors on {@code vendorPorts}. */
    static LeakProbe take(int proxyPort, Set<Integer> vendorPorts) {
        Map<Long, int[]> tcp = tcpSockets();
        int upstream = 0;
        int clients = 0;
        int other = 0;
        for (String link : openDescriptors()) {
            Matcher socket = SOCKET.matcher(link);
            int[] ports = socket.matches() ? tcp.get(Long.parseLong(socket.group(1))) : null;
            if (ports == null) {
                other += socket.matches() ? 0 : 1;
            } else if (vendorPorts.contains(ports[1])) {
                upstream++;
            } else if (ports[0] == proxyPort && ports[1] != 0) {
                clients++;
            }
        }
        return new LeakProbe(upstream, clients, other, livePlatformThreads(), liveAttemptThreads(), uploadTempFiles());
    }

    /**
     * Polls until nothing exceeds {@code baseline} by more than {@code slack} connections, files or threads, and no
     * attempt or upload file is left; fails naming what stayed after {@code patience}.
     */
    static void awaitBackTo(LeakProbe baseline, int slack, int proxyPort, Set<Integer> vendorPorts,
                            Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        LeakProbe now = take(proxyPort, vendorPorts);
        while (!now.isWithin(baseline, slack) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = take(proxyPort, vendorPorts);
        }
        if (!now.isWithin(baseline, slack)) {
            throw new AssertionError("still held after " + patience.toSeconds() + " s: " + now + " (baseline "
                    + baseline + ", slack " + slack + "); platform threads: " + Thread.getAllStackTraces().keySet()
                    .stream().map(Thread::getName).sorted().toList());
        }
    }

    boolean isWithin(LeakProbe baseline, int slack) {
        return upstreamConnections <= baseline.upstreamConnections + slack
                && clientConnections <= baseline.clientConnections + slack
                && otherFiles <= baseline.otherFiles + slack
                && platformThreads <= baseline.platformThreads + slack
                && attemptThreads == 0
                && uploadFiles == 0;
    }

    private static List<String> openDescriptors() {
        List<String> links = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    links.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException closedMeanwhile) {
                    // the descriptor of the listing itself, or one closed while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return links;
    }

    // inode → {local port, remote port}, over IPv4 and IPv6.
    private static Map<Long, int[]> tcpSockets() {
        Map<Long, int[]> sockets = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                Files.readAllLines(Path.of(table)).stream().skip(1).forEach(line -> {
                    String[] columns = line.trim().split("\\s+");
                    sockets.put(Long.parseLong(columns[9]), new int[] {port(columns[1]), port(columns[2])});
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sockets;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }

    private static int livePlatformThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.getName().startsWith("MockWebServer"))
                .count();
    }

    // Virtual threads show only in a thread dump; a routing attempt left running would be one.
    private static int liveAttemptThreads() {
        try {
            Path dump = Files.createTempFile("voxgate-threads-", ".json");
            Files.delete(dump);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            String json = Files.readString(dump);
            Files.delete(dump);
            return (int) ATTEMPT_THREAD.matcher(json).results().count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int uploadTempFiles() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> files = Files.list(tmp)) {
            return (int) files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("voxgate-upload-") || name.startsWith("MultiPart"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
