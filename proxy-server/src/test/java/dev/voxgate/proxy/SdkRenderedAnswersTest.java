package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.sdk.Voxgate;
import dev.voxgate.tracing.Tracing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the proxy sends over HTTP is, byte for byte, what {@link Voxgate#render} gives an SDK user. */
class SdkRenderedAnswersTest {

    private static final Transcription HEARD = new Transcription("Grüße, \"world\"\t/ 日本", Optional.of("german"),
            Optional.of(3.5), List.of(Transcription.Segment.of(0, 0.0, 1.25, " Grüße,"),
                    new Transcription.Segment(1, 1.25, 3.5, " \"world\"\t/ 日本", Optional.of("speaker_1"),
                            Optional.of(0), List.of(50364, 1), Optional.of(0.0), Optional.of(-0.25),
                            Optional.of(1.2), Optional.of(1e-7))),
            List.of(new Transcription.Word("Grüße", 0.0, 0.5, Optional.of("A"), Optional.of(0.93))),
            Optional.of(new Transcription.Usage.Tokens(14, 45, 59, Optional.of(14), Optional.empty())),
            Optional.empty(), List.of("de", "ja"));

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
    private volatile Transcription answer = HEARD;
    private ProxyServer server;

    @BeforeEach
    void start() {
        server = new ProxyServer(TestRouters.whisperOn(request -> answer),
                new Authenticator(Optional.of(Secret.of("sk-1234"))), new ObjectMapper(),
                new ProxySettings("127.0.0.1", 0, 64 * 1024, 1024), Tracing.off()).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyFormatTheProxySendsIsWhatTheSdkRenders() throws IOException {
        for (ResponseFormat format : ResponseFormat.values()) {
            try (Response response = post(format)) {
                assertThat(response.code()).as(format.wireName()).isEqualTo(200);
                // Jetty drops the space before charset; the media type is the same.
                assertThat(response.header("Content-Type"))
                        .isEqualTo(Voxgate.render(HEARD, format).contentType().replace("; ", ";"));
                assertThat(response.body().bytes()).as(format.wireName())
                        .isEqualTo(Voxgate.render(HEARD, format).body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void subtitlesOfAnAnswerWithoutSegmentsAreA400OnResponseFormat() throws IOException {
        answer = Transcription.ofText("no timing");

        try (Response response = post(ResponseFormat.SRT)) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).isEqualTo("{\"error\":{\"message\":\"This model returned no timed "
                    + "segments, so no srt can be made from its answer; use json, text or verbose_json.\","
                    + "\"type\":\"invalid_request_error\",\"param\":\"response_format\",\"code\":null}}");
        }
    }

    private Response post(ResponseFormat format) throws IOException {
        MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "whisper").addFormDataPart("response_format", format.wireName())
                .addFormDataPart("file", "a.wav", RequestBody.create(TestAudio.wav(16, (byte) 3),
                        MediaType.get("audio/wav"))).build();
        return http.newCall(new Request.Builder().url("http://127.0.0.1:" + server.port() + "/v1/audio/transcriptions")
                .header("Authorization", "Bearer sk-1234").post(form).build()).execute();
    }
}
