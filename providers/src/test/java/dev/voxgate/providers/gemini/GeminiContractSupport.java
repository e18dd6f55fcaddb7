package dev.voxgate.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import mockwebserver3.RecordedRequest;

/** What both Gemini contract tests share: Google's error envelope and the reading of an inline audio part. */
final class GeminiContractSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeminiContractSupport() {
    }

    /** {@code {"error": {"code", "message", "status"}}}; Google's envelope names no request field. */
    static String errorBody(String message) {
        try {
            return JSON.writeValueAsString(java.util.Map.of("error", java.util.Map.of("code", 400,
                    "message", message, "status", "INVALID_ARGUMENT")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode body(RecordedRequest recorded) {
        try {
            return JSON.readTree(recorded.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code audio} (an inline part, in either API's shape) carries {@code bytes} typed {@code type}. */
    static void assertInline(JsonNode audio, byte[] bytes, String type) {
        assertThat(audio.path("mime_type").asText()).isEqualTo(type);
        assertThat(Base64.getDecoder().decode(audio.path("data").asText())).isEqualTo(bytes);
    }
}
