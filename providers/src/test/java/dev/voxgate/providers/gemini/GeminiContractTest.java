package dev.voxgate.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import dev.voxgate.providers.ManualJobRuntime;
import dev.voxgate.providers.ProviderContractTest;
import dev.voxgate.providers.fakes.FakeGemini;
import dev.voxgate.providers.spi.ProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The provider contract for a Gemini model, and what both of Gemini's APIs share in their tests: a strict fake of
 * Google's API, a clock that moves only when an upload is awaited, audio above 1 KiB uploaded through the Files API,
 * and Google's error envelope, which names no request field. Answers are JSON in every format.
 */
abstract class GeminiContractTest extends ProviderContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    protected final ManualJobRuntime time = new ManualJobRuntime();
    protected final FakeGemini fake = new FakeGemini(KEY, "Hello from the fake vendor.", audio -> 3.0);

    /** The model under test, e.g. {@code gemini-2.5-flash}. */
    protected abstract String model();

    @Override
    protected final ProviderFactory factory() {
        return new GeminiProviderFactory(time.runtime(), 1024);
    }

    @Override
    protected final Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "transcribe", "gemini", model()).apiBase(root.toString())
                .apiKey(Secret.of(KEY));
    }

    /** {@code {"error": {"code", "message", "status"}}}. */
    @Override
    protected final String errorBody(String message, String param) {
        return jsonOf(fields("error", fields("code", 400, "message", message, "status", "INVALID_ARGUMENT")));
    }

    @Override
    protected final boolean answersInTextFormats() {
        return false;
    }

    @Override
    protected final boolean errorsNameTheirParam() {
        return false;
    }

    /** A deployment whose calls the strict fake answers. */
    protected final TranscriptionPort strict(Deployment.Builder deployment) {
        server.setDispatcher(fake);
        return connect(deployment.build());
    }

    protected static JsonNode body(RecordedRequest recorded) {
        try {
            return JSON.readTree(recorded.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code audio} (an inline part, in either API's shape) carries {@code bytes} typed {@code type}. */
    protected static void assertInline(JsonNode audio, byte[] bytes, String type) {
        assertThat(audio.path("mime_type").asText()).isEqualTo(type);
        assertThat(Base64.getDecoder().decode(audio.path("data").asText())).isEqualTo(bytes);
    }
}
