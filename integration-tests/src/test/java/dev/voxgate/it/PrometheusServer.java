package dev.voxgate.it;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;

/**
 * A real Prometheus server (Debian's {@code prometheus} package), started on a free loopback port with a config of
 * its own and storage in a temp folder, scraping one target every second. Where the binary is missing the test is
 * skipped, unless {@code VOXGATE_REQUIRE_SERVICES=1} (as CI sets it) makes that a failure.
 */
final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(30);

    /** One series of a query's answer: its labels, as JSON, and its value. */
    record Sample(JsonNode labels, double value) {
    }

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private PrometheusServer(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Prometheus scraping {@code http://target/metrics} every second, its files under {@code dir}. */
    static PrometheusServer scraping(String target, Path dir) throws IOException {
        Path binary = InstalledProgram.find("prometheus", "prometheus");
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: voxgate
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s']
                """.formatted(target));
        String address = "127.0.0.1:" + freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("data")),
                "--web.listen-address=" + address)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, "http://" + address, log);
        server.awaitReady();
        return server;
    }

    /** The series {@code promql} gives now, through Prometheus' HTTP query API. */
    List<Sample> query(String promql) {
        Request request = new Request.Builder().url(baseUrl + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8)).build();
        ProxyClients.Answer answer = ProxyClients.call(request);
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (answer.status() != 200 || !body.path("status").asText().equals("success")) {
                throw new IllegalStateException("Prometheus refused " + promql + ": " + answer.body());
            }
            List<Sample> samples = new ArrayList<>();
            body.path("data").path("result").forEach(series -> samples.add(new Sample(series.path("metric"),
                    Double.parseDouble(series.path("value").path(1).asText()))));
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server wrote to its log, to explain a failure. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (ProxyClients.call(new Request.Builder().url(baseUrl + "/-/ready").build()).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // it binds its port a moment after it starts
            }
            pause();
        }
        process.destroyForcibly();
        fail("Prometheus did not become ready within " + STARTUP.toSeconds() + " s:\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Prometheus", e);
        }
    }
}
