package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.Router;
import dev.voxgate.tracing.Tracing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy on a loopback port in front of a router over scripted deployments, called with raw HTTP. */
class ProxyServerTest {

    private static final MediaType WAV = MediaType.get("audio/wav");

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
    private final List<byte[]> uploads = new CopyOnWriteArrayList<>();
    private volatile TranscriptionFailure failure;
    private ProxyServer server;

    @BeforeEach
    void start() {
        TranscriptionPort port = request -> {
            if (failure != null) {
                throw new TranscriptionException(failure);
            }
            try (var in = request.audio().content().open()) {
                uploads.add(in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Transcription.ofText("heard " + request.audio().filename());
        };
        Router router = TestRouters.whisperOn(port);
        ProxySettings settings = new ProxySettings("127.0.0.1", 0, 64 * 1024, 1024);
        server = new ProxyServer(router, new Authenticator(Optional.of(Secret.of("sk-1234"))), new ObjectMapper(),
                settings, Tracing.off()).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void transcribesAnUploadAndRendersTheRequestedFormat() throws IOException {
        byte[] audio = TestAudio.wav(16, (byte) 3);

        Answer answer = post(form().addFormDataPart("model", "whisper").addFormDataPart("response_format", "text")
                .addFormDataPart("file", "a.wav", RequestBody.create(audio, WAV)).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(MediaType.get(answer.contentType()).toString().replace(" ", ""))
                .isEqualTo("text/plain;charset=utf-8");
        assertThat(answer.body()).isEqualTo("heard a.wav\n");
        assertThat(uploads.getFirst()).isEqualTo(audio);
    }

    @Test
    void uploadLargerThanTheInMemoryThresholdIsSpooledAndStillSentWhole() throws IOException {
        byte[] audio = TestAudio.wav(40 * 1024, (byte) 0);
        audio[audio.length - 1] = 7;

        Answer answer = post(form().addFormDataPart("model", "whisper")
                .addFormDataPart("file", "big.wav", RequestBody.create(audio, WAV)).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(uploads.getFirst()).isEqualTo(audio);
    }

    @Test
    void aSpooledUploadAndItsSpooledFieldsLeaveNoTempFileBehind() throws IOException {
        long before = jettyTempFiles();
        byte[] audio = TestAudio.wav(40 * 1024, (byte) 1);

        // Past the 1 KiB in-memory threshold Jetty spools text fields as it spools files.
        Answer answer = post(form().addFormDataPart("model", "whisper").addFormDataPart("prompt", "p".repeat(4096))
                .addFormDataPart("file", "big.wav", RequestBody.create(audio, WAV)).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(uploads.getFirst()).isEqualTo(audio);
        assertThat(jettyTempFiles()).isEqualTo(before);
    }

    @Test
    void aTextFieldThatIsNotUtf8IsRefusedNamingIt() throws IOException {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        Answer answer = post(form().addFormDataPart("model", "whisper")
                .addFormDataPart("prompt", null, RequestBody.create(latin1, null))
                .addFormDataPart("file", "a.wav", RequestBody.create(TestAudio.wav(16, (byte) 3), WAV)).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"param\":\"prompt\"").contains("is not valid UTF-8 text");
        assertThat(uploads).isEmpty();
    }

    @Test
    void aFormOfMoreThanAThousandPartsIsRefusedSayingSo() throws IOException {
        MultipartBody.Builder form = form().addFormDataPart("model", "whisper")
                .addFormDataPart("file", "a.wav", RequestBody.create(TestAudio.wav(16, (byte) 3), WAV));
        for (int i = 0; i < UploadMemory.MAX_FORM_PARTS; i++) {
            form.addFormDataPart("x" + i, "1");
        }

        Answer answer = post(form.build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("more than 1000 parts");
        assertThat(uploads).isEmpty();
    }

    private static long jettyTempFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("MultiPart")).count();
        }
    }

    @Test
    void uploadOverTheLimitIsRefusedWith413() throws IOException {
        Answer answer = post(form().addFormDataPart("model", "whisper")
                .addFormDataPart("file", "huge.wav", RequestBody.create(new byte[200 * 1024], WAV)).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("\"error\":{").contains("larger than this proxy accepts");
        assertThat(uploads).isEmpty();
    }

    @Test
    void bodyDeclaredLargerThanTheLimitIsRefusedWith413() throws IOException {
        Answer answer = post(form().addFormDataPart("model", "whisper")
                .addFormDataPart("file", "huge.wav", RequestBody.create(new byte[2 * 1024 * 1024], WAV)).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("\"param\":\"file\"");
        assertThat(uploads).isEmpty();
    }

    @Test
    void nonMultipartBodyIsRefusedSayingWhatToSend() throws IOException {
        Answer answer = call(new Request.Builder().url(url("/v1/audio/transcriptions"))
                .header("Authorization", "Bearer sk-1234")
                .post(RequestBody.create("{\"model\":\"whisper\"}", MediaType.get("application/json"))).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("multipart/form-data").contains("application/json");
    }

    @Test
    void multipartWithoutItsBoundaryIsRefusedWith400() throws IOException {
        Answer answer = call(new Request.Builder().url(url("/v1/audio/transcriptions"))
                .header("Authorization", "Bearer sk-1234")
                .post(RequestBody.create("--x\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nw\r\n--x--",
                        MediaType.get("multipart/form-data"))).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":{");
    }

    @Test
    void rateLimitFromTheRouterCarriesRetryAfter() throws IOException {
        failure = new TranscriptionFailure.RateLimited("slow down", Optional.of(Duration.ofMillis(2_500)));

        Answer answer = post(form().addFormDataPart("model", "whisper")
                .addFormDataPart("file", "a.wav", RequestBody.create(TestAudio.wav(12, (byte) 1), WAV)).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(answer.retryAfter()).isEqualTo("3");
        assertThat(answer.body()).contains("slow down").contains("\"code\":\"rate_limit_exceeded\"");
    }

    @Test
    void healthProbesNeedNoKeyButModelsDo() throws IOException {
        Answer alive = call(new Request.Builder().url(url("/health/liveliness")).build());
        Answer ready = call(new Request.Builder().url(url("/health/readiness")).build());
        Answer models = call(new Request.Builder().url(url("/v1/models")).build());

        assertThat(alive.status()).isEqualTo(200);
        assertThat(alive.body()).isEqualTo("\"I'm alive!\"");
        assertThat(ready.body()).contains("\"status\":\"healthy\"");
        assertThat(models.status()).isEqualTo(401);
    }

    @Test
    void unknownRouteAnswersInOpenAiShape() throws IOException {
        Answer answer = call(new Request.Builder().url(url("/v1/audio/speech")).header("Authorization",
                "Bearer sk-1234").build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        assertThat(answer.body()).contains("\"error\":{\"message\":\"Unknown route GET /v1/audio/speech");
    }

    private MultipartBody.Builder form() {
        return new MultipartBody.Builder().setType(MultipartBody.FORM);
    }

    private Answer post(MultipartBody body) throws IOException {
        return call(new Request.Builder().url(url("/v1/audio/transcriptions")).header("Authorization", "Bearer sk-1234")
                .post(body).build());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private Answer call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.header("Content-Type"), response.body().string(),
                    response.header("Retry-After"));
        }
    }

    private record Answer(int status, String contentType, String body, String retryAfter) {
    }
}
