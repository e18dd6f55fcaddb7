package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** The access line of each request, answered or refused, as logback receives it from the proxy on a loopback port. */
class AccessLogTest {

    private static final String MASTER_KEY = "sk-master-AccessLog-42";
    private static final List<String> FIELDS = List.of("request_id", "route", "model_group", "deployment", "provider",
            "status", "failure_kind", "attempts", "fallbacks", "audio_seconds", "cost_usd", "total_ms", "overhead_ms",
            "client");

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Logger accessLogger;
    private ProxyServer server;

    @BeforeEach
    void start() {
        accessLogger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(AccessLog.LOGGER);
        lines.start();
        accessLogger.addAppender(lines);
        server = new ProxyServer(TestRouters.whisperOn(new StreamCutShort()), new Authenticator(Optional.of(Secret.of(MASTER_KEY))), new ObjectMapper(),
                new ProxySettings("127.0.0.1", 0, 64 * 1024, 1024)).start();
    }

    @AfterEach
    void stop() {
        server.close();
        accessLogger.detachAppender(lines);
    }

    @Test
    void anAnsweredRequestSaysWhichGroupDeploymentAndProviderAnsweredAndWhoAsked() throws Exception {
        int status = call(transcription("whisper").header("x-request-id", "req-plain-7"));

        Map<String, Object> line = awaitLine();
        assertThat(status).isEqualTo(200);
        assertThat(line).containsOnlyKeys(FIELDS).containsEntry("request_id", "req-plain-7")
                .containsEntry("route", "transcriptions").containsEntry("model_group", "whisper")
                .containsEntry("deployment", "d1").containsEntry("provider", "openai").containsEntry("status", 200)
                .containsEntry("attempts", 1).containsEntry("fallbacks", 0).containsEntry("client", "127.0.0.1");
        assertThat(line.get("failure_kind")).isNull();
        assertThat(line.get("total_ms")).isInstanceOf(Double.class);
        assertThat((Double) line.get("overhead_ms")).isLessThanOrEqualTo((Double) line.get("total_ms"));
        assertThat(line.values()).noneMatch(value -> String.valueOf(value).contains(MASTER_KEY));
        assertThat(lines.list.getFirst().getFormattedMessage()).isEqualTo("POST /v1/audio/transcriptions");
    }

    @Test
    void aRequestRefusedBeforeRoutingStillGetsALine() throws Exception {
        int status = call(transcription("whisper").removeHeader("Authorization"));

        Map<String, Object> line = awaitLine();
        assertThat(status).isEqualTo(401);
        assertThat(line).containsEntry("status", 401).containsEntry("failure_kind", "authentication")
                .containsEntry("route", "transcriptions").containsEntry("attempts", 0);
        assertThat(line.get("model_group")).isNull();
        assertThat(line.get("request_id")).asString().startsWith("req_");
    }

    @Test
    void aRoutedFailureNamesTheRoutersKindAndAnotherRouteItsPath() throws Exception {
        int unknownModel = call(transcription("no-such-group"));
        Map<String, Object> routed = awaitLine();
        lines.list.clear();
        int models = call(new Request.Builder().url(base() + "/v1/models").header("Authorization", "Bearer "
                + MASTER_KEY));
        Map<String, Object> listed = awaitLine();

        assertThat(unknownModel).isEqualTo(404);
        assertThat(routed).containsEntry("status", 404).containsEntry("failure_kind", "not_found")
                .containsEntry("model_group", "no-such-group");
        assertThat(models).isEqualTo(200);
        assertThat(listed).containsEntry("route", "/v1/models").containsEntry("status", 200);
        assertThat(listed.get("failure_kind")).isNull();
    }

    @Test
    void aStreamCutShortAfterItsFirstEventIsA200WithTheFailureItEndedOn() throws Exception {
        MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("model", "whisper")
                .addFormDataPart("stream", "true").addFormDataPart("file", "a.wav", RequestBody.create(
                        TestAudio.wav(16, (byte) 3), MediaType.get("audio/wav"))).build();

        int status = call(new Request.Builder().url(base() + "/v1/audio/transcriptions").post(form)
                .header("Authorization", "Bearer " + MASTER_KEY));

        Map<String, Object> line = awaitLine();
        assertThat(status).isEqualTo(200);
        assertThat(line).containsEntry("status", 200).containsEntry("failure_kind", "server_error")
                .containsEntry("model_group", "whisper").containsEntry("deployment", "d1").containsEntry("attempts", 1);
    }

    @Test
    void aFailureKindIsTheRoutersWhenItRoutedElseTheStatusSays() {
        assertThat(AccessLog.failureKind(Optional.empty(), 200)).isEmpty();
        assertThat(AccessLog.failureKind(Optional.empty(), 400)).contains("bad_request");
        assertThat(AccessLog.failureKind(Optional.empty(), 413)).contains("bad_request");
        assertThat(AccessLog.failureKind(Optional.empty(), 429)).contains("rate_limit");
        assertThat(AccessLog.failureKind(Optional.empty(), 500)).contains("server_error");
        assertThat(AccessLog.route("/openai/deployments/whisper/audio/translations")).isEqualTo("translations");
        assertThat(AccessLog.route("/health/readiness")).isEqualTo("/health/readiness");
    }

    /** Answers a plain request; a streamed one gets a first piece, then the vendor goes away. */
    private static final class StreamCutShort implements TranscriptionPort {
        @Override
        public Transcription transcribe(TranscriptionRequest request) {
            return Transcription.ofText("a transcript");
        }

        @Override
        public Transcription transcribeStreaming(TranscriptionRequest request, TranscriptListener listener) {
            listener.onDelta("a tran");
            throw new TranscriptionException(new TranscriptionFailure.UpstreamUnavailable("the vendor went away",
                    OptionalInt.empty()));
        }
    }

    @Test
    void anAnswerFromTheCacheNamesItsGroupAndCostsNothing() throws Exception {
        server.close();
        server = new ProxyServer(TestRouters.whisperOn(new StreamCutShort()),
                new Authenticator(Optional.of(Secret.of(MASTER_KEY))), new ObjectMapper(),
                new ProxySettings("127.0.0.1", 0, 64 * 1024, 1024), new ServerFeatures(MetricsEndpoint.ofItsOwn(),
                Optional.empty(), dev.voxgate.tracing.Tracing.off(), new ResponseCache(Optional.of(
                new LocalResponseStore(Duration.ofMinutes(1))), new io.micrometer.core.instrument.simple
                .SimpleMeterRegistry()), dev.voxgate.router.state.RoutingState.inMemory())).start();

        assertThat(call(transcription("whisper"))).isEqualTo(200);
        assertThat(call(transcription("whisper"))).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lines.list.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(lines.list).hasSize(2);
        Map<String, Object> hit = new LinkedHashMap<>();
        lines.list.getLast().getKeyValuePairs().forEach(pair -> hit.put(pair.key, pair.value));
        assertThat(hit).containsOnlyKeys(FIELDS).containsEntry("model_group", "whisper").containsEntry("status", 200)
                .containsEntry("attempts", 0);
        assertThat(hit.get("cost_usd").toString()).isEqualTo("0");
    }

    private Request.Builder transcription(String model) {
        MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("model", model)
                .addFormDataPart("file", "a.wav", RequestBody.create(TestAudio.wav(16, (byte) 3),
                        MediaType.get("audio/wav"))).build();
        return new Request.Builder().url(base() + "/v1/audio/transcriptions").post(form)
                .header("Authorization", "Bearer " + MASTER_KEY);
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private int call(Request.Builder request) throws IOException {
        try (Response response = http.newCall(request.build()).execute()) {
            response.body().string();
            return response.code();
        }
    }

    // The line is written once the answer is out, so the client may read the answer a moment before it exists.
    private Map<String, Object> awaitLine() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lines.list.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(lines.list).as("access lines").hasSize(1);
        ILoggingEvent event = lines.list.getFirst();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (KeyValuePair pair : event.getKeyValuePairs()) {
            fields.put(pair.key, pair.value);
        }
        return fields;
    }
}
