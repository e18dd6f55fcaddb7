package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty 20 MB uploads at once through the proxy jar in its own JVM: every one reaches the vendor whole, the proxy's
 * resident memory stays under {@value #PEAK_RSS_BOUND_MIB} MiB (uploads over 1 MiB go to disk, not the heap, which
 * is capped at {@value #HEAP_MIB} MiB), and no temp file is left behind.
 */
class UploadMemoryIT {

    private static final int UPLOADS = 50;
    private static final int UPLOAD_BYTES = 20 * 1024 * 1024;
    private static final int HEAP_MIB = 256;
    private static final long PEAK_RSS_BOUND_MIB = 300;

    @Test
    void fiftyConcurrentTwentyMegabyteUploadsStayWithinMemoryAndLeaveNoTempFile(@TempDir Path dir) throws Exception {
        Path audio = TestFiles.wav(dir, "long-meeting.wav", UPLOAD_BYTES);
        Path tmp = Files.createDirectories(dir.resolve("proxy-tmp"));
        AtomicLong received = new AtomicLong();
        try (MockWebServer vendor = discardingVendor(received);
             ProxyProcess proxy = ProxyProcess.start(
                     List.of("-Xmx" + HEAP_MIB + "m", "-Djava.io.tmpdir=" + tmp),
                     Map.of("OPENAI_API_KEY", "sk-memory", "OPENAI_API_BASE", vendor.url("/v1").toString()),
                     "--config", Examples.config("whisper-openai.yaml").toString(), "--host", "127.0.0.1",
                     "--port", "0")) {
            int port = proxy.awaitPort(Duration.ofSeconds(60));

            List<Integer> statuses = uploadAll(port, audio);

            assertThat(statuses).hasSize(UPLOADS).containsOnly(200);
            assertThat(received.get()).isGreaterThanOrEqualTo((long) UPLOADS * UPLOAD_BYTES);
            assertThat(proxy.peakResidentKib() / 1024).as("peak resident MiB").isLessThan(PEAK_RSS_BOUND_MIB);
            try (var left = Files.list(tmp)) {
                assertThat(left.toList()).as("temp files left behind").isEmpty();
            }
        }
    }

    private static List<Integer> uploadAll(int port, Path audio) throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofMinutes(3))
                .connectionPool(new ConnectionPool(UPLOADS, 1, TimeUnit.MINUTES)).build();
        client.dispatcher().setMaxRequestsPerHost(UPLOADS);
        List<Callable<Integer>> uploads = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            uploads.add(() -> upload(client, port, audio));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : threads.invokeAll(uploads)) {
                statuses.add(status.get());
            }
            return statuses;
        }
    }

    private static int upload(OkHttpClient client, int port, Path audio) throws IOException {
        MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "whisper")
                .addFormDataPart("file", audio.getFileName().toString(),
                        RequestBody.create(audio.toFile(), MediaType.get("audio/wav"))).build();
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/v1/audio/transcriptions")
                .header("Authorization", "Bearer sk-1234").post(form).build();
        try (Response response = client.newCall(request).execute()) {
            return response.code();
        }
    }

    // Reads every upload to its end, counting the bytes, and keeps none of them.
    private static MockWebServer discardingVendor(AtomicLong received) throws IOException {
        MockWebServer vendor = new MockWebServer();
        vendor.setBodyLimit(0);
        vendor.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.addAndGet(request.getBodySize());
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"text\":\"a long meeting\"}").build();
            }
        });
        vendor.start(0);
        return vendor;
    }
}
