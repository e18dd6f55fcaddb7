package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the proxy jar, as {@code docker stop} sends it: the proxy stops accepting connections at once, lets the
 * transcription in flight finish and answer 200, then exits 0; past the configured drain time it stops regardless.
 */
class GracefulShutdownIT {

    @TempDir
    Path dir;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void transcriptionInFlightFinishesWhileTheProxyStopsThenItExitsZero() throws Exception {
        try (CountingVendor vendor = CountingVendor.holdingFirst(1, "finished during shutdown");
             ProxyProcess proxy = ProxyProcess.start(config(vendor, 30), Map.of())) {
            int port = proxy.awaitPort(Duration.ofSeconds(60));
            CompletableFuture<ProxyClients.Answer> inFlight = transcribe(port);
            assertThat(vendor.awaitHeld(Duration.ofSeconds(30))).as("the upload reached the vendor").isTrue();

            proxy.terminate();
            awaitConnectionsRefused(port);

            assertThat(inFlight).as("still in flight while the proxy drains").isNotDone();
            vendor.release();
            ProxyClients.Answer answer = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("finished during shutdown");
            assertThat(proxy.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(proxy.output()).anyMatch(line -> line.contains("stopping")).last().asString()
                    .contains("stopped");
        }
    }

    @Test
    void transcriptionStillRunningWhenTheDrainTimeEndsIsCutAndTheProxyStillExits() throws Exception {
        try (CountingVendor vendor = CountingVendor.holdingFirst(1, "never sent");
             ProxyProcess proxy = ProxyProcess.start(config(vendor, 1), Map.of())) {
            int port = proxy.awaitPort(Duration.ofSeconds(60));
            CompletableFuture<ProxyClients.Answer> inFlight = transcribe(port);
            assertThat(vendor.awaitHeld(Duration.ofSeconds(30))).isTrue();

            proxy.terminate();

            assertThat(proxy.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(inFlight).failsWithin(Duration.ofSeconds(30));
            assertThat(proxy.output()).anyMatch(line -> line.contains("drain time (1000 ms) ran out"));
        }
    }

    private Path config(CountingVendor vendor, int drainSeconds) {
        return TestFiles.config(dir, "held.yaml", """
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1, api_key: sk-held-0123456789, api_base: "%s"}
                general_settings:
                  graceful_shutdown_timeout: %d
                """.formatted(vendor.baseUrl(), drainSeconds));
    }

    private CompletableFuture<ProxyClients.Answer> transcribe(int port) {
        Path audio = TestFiles.wav(dir, "speech.wav", 4096);
        return CompletableFuture.supplyAsync(() -> ProxyClients.postTranscription("http://127.0.0.1:" + port,
                "/v1/audio/transcriptions", null, audio, ProxyClients.fields("model", "whisper"), Map.of()), clients);
    }

    private static void awaitConnectionsRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // a timeout or a reset while the listener goes away; try again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("port " + port + " still accepts connections after SIGTERM");
    }
}
