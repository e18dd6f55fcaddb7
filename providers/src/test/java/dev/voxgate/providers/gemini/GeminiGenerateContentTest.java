package dev.voxgate.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A general Gemini model through {@code generateContent}, against a fake that checks what Google checks, plus the
 * provider contract: plain text only, so every timed format and timings are refused before any call.
 */
class GeminiGenerateContentTest extends GeminiContractTest {

    private static final String MODEL = "gemini-2.5-flash";
    private static final String PATH = "/v1beta/models/" + MODEL + ":generateContent";

    @Override
    protected String model() {
        return MODEL;
    }

    @Override
    protected String transcriptBody(String text) {
        return jsonOf(fields("candidates", java.util.List.of(fields("content", fields("role", "model",
                        "parts", java.util.List.of(fields("text", text))), "finishReason", "STOP")),
                "usageMetadata", fields("promptTokenCount", 126, "candidatesTokenCount", 5, "totalTokenCount", 131,
                        "promptTokensDetails", java.util.List.of(fields("modality", "AUDIO", "tokenCount", 96),
                                fields("modality", "TEXT", "tokenCount", 30)))));
    }

    @Override
    protected Optional<Usage> transcriptUsage() {
        return Optional.of(new Usage.Tokens(126, 5, 131, Optional.of(96), Optional.of(30)));
    }

    @Override
    protected void assertAudioSent(RecordedRequest recorded, String filename, String contentType) {
        assertInline(body(recorded).path("contents").path(0)
                .path("parts").path(1).path("inline_data"), AUDIO, contentType);
    }

    @Test
    void sendsOneTurnOfInstructionAndInlineAudioWithTheKeyInItsHeaderOnly() throws Exception {
        Transcription transcription = strict(deployment()).transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(recorded.getHeaders().get("Authorization")).isNull();
        JsonNode parts = body(recorded).path("contents").path(0).path("parts");
        assertThat(parts.path(0).path("text").asText()).startsWith("Transcribe the speech in this audio verbatim");
        assertInline(parts.path(1).path("inline_data"), AUDIO, "audio/wav");
        assertThat(transcription.text()).isEqualTo("Hello from the fake vendor.");
        assertThat(transcription.words()).isEmpty();
        assertThat(transcription.segments()).isEmpty();
        assertThat(transcription.usage()).get().isInstanceOfSatisfying(Usage.Tokens.class, tokens -> {
            assertThat(tokens.audioTokens()).as("32 a second of 3 s").contains(96);
            assertThat(tokens.textTokens()).contains(tokens.inputTokens() - 96);
            assertThat(tokens.outputTokens()).isEqualTo(5);
        });
    }

    @Test
    void languagePromptAndTemperatureAreFoldedIntoTheInstructionAndTheGenerationConfig() {
        Transcription transcription = strict(deployment()).transcribe(request().language("de")
                .prompt("Voxgate, Gemini").temperature(0.2).build());

        JsonNode body = fake.transcriptionCalls().getLast();
        String instruction = body.path("contents").path(0).path("parts").path(0).path("text").asText();
        assertThat(instruction).contains("in the language with code 'de'")
                .endsWith("Context for names, terms and spelling, not to be transcribed: Voxgate, Gemini");
        assertThat(body.path("generationConfig").path("temperature").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(transcription.language()).contains("de");
    }

    @Test
    void timedFormatsAndTimingsAreRefusedBeforeAnyCall() {
        TranscriptionPort port = strict(deployment());

        for (ResponseFormat format : new ResponseFormat[] {ResponseFormat.SRT, ResponseFormat.VTT,
            ResponseFormat.VERBOSE_JSON, ResponseFormat.DIARIZED_JSON}) {
            assertThat(failingCall(port, request().responseFormat(format).build()).failure())
                    .isInstanceOfSatisfying(InvalidRequest.class, invalid ->
                            assertThat(invalid.param()).contains("response_format"));
        }
        assertThat(port.capabilities().wordTimestamps()).isFalse();
        assertThat(port.capabilities().segmentTimestamps()).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void audioAboveTheInlineLimitIsUploadedAwaitedNamedByItsUriAndDeleted() throws Exception {
        fake.pollsRunning(2);
        byte[] large = new byte[4096];
        large[7] = 42;

        Transcription transcription = strict(deployment()).transcribe(request()
                .audio(AudioInput.of("meeting.mp3", large)).build());

        assertThat(transcription.text()).isEqualTo("Hello from the fake vendor.");
        assertThat(fake.seen()).containsExactly("POST /upload/v1beta/files", "POST /upload/v1beta/files",
                "GET /v1beta/files/job-0001", "GET /v1beta/files/job-0001", "GET /v1beta/files/job-0001",
                "POST " + PATH, "DELETE /v1beta/files/job-0001");
        JsonNode audio = fake.transcriptionCalls().getLast().path("contents").path(0).path("parts").path(1);
        assertThat(audio.path("file_data").path("file_uri").asText()).endsWith("/v1beta/files/job-0001");
        assertThat(audio.path("file_data").path("mime_type").asText()).isEqualTo("audio/mpeg");
        assertThat(fake.filesLeft()).isEmpty();
    }

    @Test
    void aFileThatFailsProcessingIsAnInvalidFileAndIsStillDeleted() {
        fake.failing("Unsupported audio encoding");

        var thrown = failingCall(strict(deployment()), request().audio(AudioInput.of("x.wav", new byte[2048])).build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("file", "gemini (deployment 'contract-1'): job "
                + "files/job-0001 ended in error: Unsupported audio encoding"));
        assertThat(fake.filesLeft()).isEmpty();
        assertThat(fake.count("POST " + PATH)).isZero();
    }

    @Test
    void anUploadUrlOnAnotherHostIsRefusedSoTheKeyNeverGoesThere() {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200)
                .setHeader("X-Goog-Upload-URL", "https://elsewhere.example/upload?upload_id=1").build());

        var thrown = failingCall(connect(deployment().build()),
                request().audio(AudioInput.of("x.wav", new byte[2048])).build());

        assertThat(thrown.failure()).isInstanceOf(UpstreamProtocolError.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWrongKeyIsAuthenticationFailedAndTheKeyIsNeverInTheUrl() throws Exception {
        var thrown = failingCall(strict(deployment().apiKey(Secret.of("AIzaSy-wrong-key-0123456789"))),
                request().build());

        assertThat(thrown.failure()).isEqualTo(new dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed(
                "HTTP 400 from gemini (deployment 'contract-1'): API key not valid. Please pass a valid API key."));
        assertThat(takeRequest().getUrl().queryParameter("key")).isNull();
    }

    @Test
    void anUnknownModelIsModelNotFoundWithGooglesWords() {
        var thrown = failingCall(strict(Deployment.builder(DEPLOYMENT_ID, "t", "gemini", "gemini-nope")
                .apiBase(server.url("/").toString()).apiKey(Secret.of(KEY))), request().build());

        assertThat(thrown.failure()).isEqualTo(new ModelNotFound("HTTP 404 from gemini (deployment 'contract-1'): "
                + "models/gemini-nope is not found for API version v1beta."));
    }

    @Test
    void baseAndKeyComeFromLiteLlmsVariablesGoogleApiKeyFirst() throws Exception {
        server.setDispatcher(fake);
        EnvironmentSource environment = EnvironmentSource.of(Map.of("GEMINI_API_BASE", server.url("/").toString(),
                "GOOGLE_API_KEY", KEY, "GEMINI_API_KEY", "AIza-other"));

        connect(Deployment.builder(DEPLOYMENT_ID, "t", "gemini", MODEL).build(), environment)
                .transcribe(request().build());

        assertThat(takeRequest().getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(GeminiProviderFactory.DEFAULT_API_BASE).isEqualTo("https://generativelanguage.googleapis.com");
    }
}
