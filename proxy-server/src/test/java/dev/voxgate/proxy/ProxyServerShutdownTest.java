package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.Router;
import dev.voxgate.tracing.Tracing;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stopping the proxy drains: no new connections, requests in flight finish within the drain time. */
class ProxyServerShutdownTest {

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60))
            .callTimeout(Duration.ofSeconds(60)).build();
    // Own threads: the common pool may have a single thread on a small machine, which the blocked call would hold.
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private ProxyServer server;

    @AfterEach
    void releaseTheUpstream() {
        release.countDown();
        threads.close();
    }

    @Test
    void requestInFlightFinishesWhileNewConnectionsAreRefused() throws Exception {
        server = start(Duration.ofSeconds(30));
        CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(this::transcribe, threads);
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("the request reached the upstream").isTrue();

        // Read before stopping: a stopped connector reports a negative port.
        int port = server.port();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close, threads);
        awaitConnectionsRefused(port);

        // Held well past the idle grace a stopping connector gives connections: a busy one must not count as idle.
        Thread.sleep(1_500);
        assertThat(inFlight).isNotDone();
        assertThat(stopped).isNotDone();
        release.countDown();
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        stopped.get(30, TimeUnit.SECONDS);
    }

    @Test
    void requestStillInFlightWhenTheDrainTimeEndsIsCut() throws Exception {
        server = start(Duration.ofMillis(300));
        CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(this::transcribe, threads);
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        int port = server.port();
        long start = System.nanoTime();
        server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).isNotEqualTo(200);
        awaitConnectionsRefused(port);
    }

    private ProxyServer start(Duration drain) {
        TranscriptionPort port = request -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Transcription.ofText("late but whole");
        };
        Router router = TestRouters.whisperOn(port);
        ProxySettings settings = new ProxySettings("127.0.0.1", 0, 64 * 1024, 1024).withDrainTimeout(drain);
        return new ProxyServer(router, new Authenticator(Optional.empty()), new ObjectMapper(), settings,
                Tracing.off()).start();
    }

    // -1 when the connection broke before an answer: what a cut request looks like to its caller.
    private int transcribe() {
        MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "whisper")
                .addFormDataPart("file", "a.wav", RequestBody.create(TestAudio.wav(32, (byte) 0),
                        MediaType.get("audio/wav")))
                .build();
        Request request = new Request.Builder().url("http://127.0.0.1:" + server.port() + "/v1/audio/transcriptions")
                .post(body).build();
        try (Response response = http.newCall(request).execute()) {
            return response.code();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void awaitConnectionsRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // a timeout or a reset: the listener is going away; try again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("port " + port + " still accepts connections while the proxy drains");
    }
}
