package dev.voxgate.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;
import dev.voxgate.providers.spi.SharedHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every vendor test shares: a fake vendor on loopback, the shared HTTP client, a deployment of the vendor under
 * test pointed at the fake, and ways to call it. The behaviours every provider must show are in
 * {@link ProviderContractTest}.
 */
public abstract class ProviderTestBase {

    /** The deployment's key; no failure may ever show it. */
    protected static final String KEY = "sk-contract-Zq8Wm2Lx5Vb7Nc3Ty1";
    protected static final String DEPLOYMENT_ID = "contract-1";
    /** Audio bytes including every byte value, so any re-encoding would show. */
    protected static final byte[] AUDIO = allByteValues();

    private static final SharedHttpClient HTTP = ProviderCatalog.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    protected MockWebServer server;

    @BeforeEach
    final void startFakeVendor() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    final void stopFakeVendor() {
        server.close();
    }

    /** The factory under test. */
    protected abstract ProviderFactory factory();

    /** A deployment of the provider under test, id {@link #DEPLOYMENT_ID}, key {@link #KEY}, served at {@code root}. */
    protected abstract Deployment.Builder deploymentAt(HttpUrl root);

    /** The vendor's error envelope around {@code message}, naming {@code param} when it is not null. */
    protected abstract String errorBody(String message, String param);

    protected final Deployment.Builder deployment() {
        return deploymentAt(server.url("/"));
    }

    protected final TranscriptionPort connect(Deployment deployment) {
        return connect(deployment, EnvironmentSource.of(Map.of()));
    }

    protected final TranscriptionPort connect(Deployment deployment, EnvironmentSource environment) {
        return factory().create(deployment, new ProviderContext(HTTP, environment));
    }

    protected static TranscriptionRequest.Builder request() {
        return TranscriptionRequest.builder("speech-group", AudioInput.of("speech.wav", AUDIO.clone()));
    }

    /** The exception {@code port} throws for {@code request}. */
    protected static TranscriptionException failingCall(TranscriptionPort port, TranscriptionRequest request) {
        TranscriptionException thrown = catchThrowableOfType(TranscriptionException.class,
                () -> port.transcribe(request));
        assertThat(thrown).as("the call should fail").isNotNull();
        return thrown;
    }

    /** The failure of a default request to a default deployment. */
    protected final TranscriptionFailure failure() {
        return failingCall(connect(deployment().build()), request().build()).failure();
    }

    protected final RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request reached the fake vendor").isNotNull();
        return recorded;
    }

    protected static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    protected static MockResponse text(int code, String contentType, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType).body(body).build();
    }

    /** A segment with timing, text and speaker only, as vendors that diarize produce them. */
    protected static Segment speakerSegment(int id, double start, double end, String text, String speaker) {
        return new Segment(id, start, end, text, Optional.of(speaker), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The test resource {@code name}, e.g. a vendor's recorded answer, as UTF-8 text. */
    protected static String resource(String name) {
        try (InputStream stream = ProviderTestBase.class.getResourceAsStream("/" + name)) {
            assertThat(stream).as("test resource %s", name).isNotNull();
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ordered JSON object of alternating names and values; a null value stays a JSON null. */
    protected static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** {@code value} as JSON, e.g. a vendor's error envelope built from {@link #fields}. */
    protected static String jsonOf(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] allByteValues() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
