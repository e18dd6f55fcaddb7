package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.Router;
import dev.voxgate.tracing.Tracing;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random multipart bodies, well-formed and damaged, at the running proxy: every one gets an answer within the
 * client's deadline, none is a 500, every refusal is in OpenAI's error shape, and the proxy still transcribes
 * afterwards. Seeded ({@code -Dvoxgate.fuzz.seed=N}); a failure names the case.
 */
class MultipartFuzzTest {

    private static final long SEED = Long.getLong("voxgate.fuzz.seed", 20_261_125L);
    private static final int CASES = 250;
    private static final Set<Integer> EXPECTED = Set.of(200, 400, 404, 413);

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
    private final ObjectMapper json = new ObjectMapper();
    private ProxyServer server;

    @BeforeEach
    void start() {
        TranscriptionPort port = request -> Transcription.ofText("heard it");
        Router router = TestRouters.whisperOn(port);
        server = new ProxyServer(router, new Authenticator(Optional.empty()), new ObjectMapper(),
                new ProxySettings("127.0.0.1", 0, 256 * 1024, 1024), Tracing.off()).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void randomBodiesAreAnsweredPromptlyAndNeverWith500() throws IOException {
        for (int i = 0; i < CASES; i++) {
            RandomForms forms = new RandomForms(SEED + i);
            String boundary = "fuzz" + Long.toHexString(SEED + i);
            byte[] body = forms.multipart(boundary);
            Request request = new Request.Builder().url(url()).header("Content-Type", forms.contentType(boundary))
                    .post(RequestBody.create(body, null)).build();
            try (Response response = http.newCall(request).execute()) {
                String text = response.body().string();
                assertThat(response.code()).as("case seed %d: %s", SEED + i, text).isIn(EXPECTED);
                if (response.code() != 200) {
                    JsonNode error = json.readTree(text).path("error");
                    assertThat(error.path("message").asText()).as("case seed %d: %s", SEED + i, text).isNotBlank();
                }
            }
        }
        assertThat(goodRequest()).isEqualTo(200);
    }

    private int goodRequest() throws IOException {
        MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "whisper")
                .addFormDataPart("file", "a.wav", RequestBody.create(TestAudio.wav(64, (byte) 0),
                        MediaType.get("audio/wav")))
                .build();
        try (Response response = http.newCall(new Request.Builder().url(url()).post(body).build()).execute()) {
            return response.code();
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.port() + "/v1/audio/transcriptions";
    }
}
