package dev.voxgate.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.fakes.FakeGemini;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code gemini-3.5-transcribe} through the Interactions API, against a fake that checks what Google checks, plus the
 * provider contract: word timestamps and speakers asked for exactly when the answer needs them.
 */
class GeminiTranscribeTest extends GeminiContractTest {

    private static final String MODEL = "gemini-3.5-transcribe";

    @Override
    protected String model() {
        return MODEL;
    }

    @Override
    protected String transcriptBody(String text) {
        return jsonOf(fields("id", "v1_1", "status", "completed", "steps", List.of(fields("type", "model_output",
                        "content", List.of(fields("type", "text", "text", text, "annotations", List.of(
                                fields("type", "word_info", "text", text, "start_offset", "0.100s",
                                        "end_offset", "2.900s")))))),
                "usage", fields("total_input_tokens", 96, "total_output_tokens", 4, "total_tokens", 100,
                        "input_tokens_by_modality", List.of(fields("modality", "audio", "tokens", 96)))));
    }

    @Override
    protected Optional<Usage> transcriptUsage() {
        return Optional.of(new Usage.Tokens(96, 4, 100, Optional.of(96), Optional.of(0)));
    }

    @Override
    protected void assertAudioSent(RecordedRequest recorded, String filename, String contentType) {
        assertInline(body(recorded).path("input").path(0), AUDIO,
                contentType);
    }

    @Test
    void postsTheAudioAsTheOneInputWithTheRevisionHeaderAndNoConfigForPlainJson() throws Exception {
        Transcription transcription = strict(deployment()).transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo("/v1beta/interactions");
        assertThat(recorded.getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(recorded.getHeaders().get("Api-Revision")).isEqualTo(FakeGemini.API_REVISION);
        JsonNode body = body(recorded);
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("input").path(0).path("type").asText()).isEqualTo("audio");
        assertInline(body.path("input").path(0), AUDIO, "audio/wav");
        assertThat(body.has("generation_config")).isFalse();
        assertThat(transcription.text()).isEqualTo("Hello from the fake vendor.");
        assertThat(transcription.words()).isEmpty();
        assertThat(transcription.usage()).contains(new Usage.Tokens(96, 5, 101, Optional.of(96), Optional.of(0)));
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = {"VERBOSE_JSON", "SRT", "VTT"})
    void timedFormatsAskForWordTimestampsAndGetWordsAndSegments(ResponseFormat format) {
        Transcription transcription = strict(deployment()).transcribe(request().responseFormat(format).build());

        assertThat(fake.transcriptionCalls().getLast().path("generation_config").path("transcription_config")
                .toString()).isEqualTo("{\"mode\":{\"type\":\"verbatim\",\"timestamp_granularities\":[\"word\"]}}");
        assertThat(transcription.words()).extracting(Word::word)
                .containsExactly("Hello", "from", "the", "fake", "vendor.");
        assertThat(transcription.words().get(1)).isEqualTo(new Word("from", 0.6, 1.15, Optional.empty(),
                Optional.empty()));
        assertThat(transcription.segments()).singleElement().satisfies(segment -> {
            assertThat(segment.text()).isEqualTo("Hello from the fake vendor.");
            assertThat(segment.start()).isZero();
            assertThat(segment.end()).isEqualTo(2.95);
        });
    }

    @Test
    void wordGranularityAloneAsksForWordTimestamps() {
        Transcription transcription = strict(deployment()).transcribe(request()
                .timestampGranularities(List.of(TimestampGranularity.WORD)).build());

        assertThat(transcription.words()).hasSize(5);
    }

    @Test
    void diarizedJsonAsksForSpeakersAndSplitsSegmentsWhereTheSpeakerChanges() {
        Transcription transcription = strict(deployment())
                .transcribe(request().responseFormat(ResponseFormat.DIARIZED_JSON).build());

        assertThat(fake.transcriptionCalls().getLast().path("generation_config").path("transcription_config")
                .path("mode").path("diarization_mode").asText()).isEqualTo("speaker");
        assertThat(transcription.segments()).containsExactly(speakerSegment(0, 0, 1.75, "Hello from the", "spk_1"),
                speakerSegment(1, 1.8, 2.95, "fake vendor.", "spk_2"));
    }

    @Test
    void theCallersLanguageIsTheLanguageCodesAndGeminisOwnOptionsAreSentTyped() {
        TranscriptionPort port = strict(deployment().param("custom_vocabulary",
                ParamValue.values(List.of("Voxgate", "Gemini"))));

        Transcription transcription = port.transcribe(request().language("de").build());
        port.transcribe(request().providerParam("language_codes", ParamValue.values(List.of("en-US", "es-ES")))
                .build());

        JsonNode first = fake.transcriptionCalls().get(0).path("generation_config").path("transcription_config");
        assertThat(first.toString()).isEqualTo("{\"language_codes\":[\"de\"],\"custom_vocabulary\":[\"Voxgate\","
                + "\"Gemini\"]}");
        assertThat(fake.transcriptionCalls().get(1).path("generation_config").path("transcription_config")
                .path("language_codes").toString()).isEqualTo("[\"en-US\",\"es-ES\"]");
        assertThat(transcription.language()).contains("de");
    }

    @Test
    void promptAndTemperatureAreRefusedBeforeAnyCallUnlessDropped() {
        TranscriptionPort port = strict(deployment());

        assertThat(failingCall(port, request().prompt("Voxgate").build()).failure())
                .isInstanceOfSatisfying(InvalidRequest.class, invalid -> assertThat(invalid.param()).contains("prompt"));
        assertThat(server.getRequestCount()).isZero();
        assertThat(strict(deployment().dropParams(true)).transcribe(request().prompt("Voxgate").temperature(0.3)
                .build()).text()).isEqualTo("Hello from the fake vendor.");
    }

    @Test
    void audioAboveTheInlineLimitIsUploadedAndTheInteractionNamesItsUri() {
        Transcription transcription = strict(deployment()).transcribe(request()
                .audio(AudioInput.of("long.flac", new byte[5000])).responseFormat(ResponseFormat.SRT).build());

        JsonNode input = fake.transcriptionCalls().getLast().path("input").path(0);
        assertThat(input.path("uri").asText()).endsWith("/v1beta/files/job-0001");
        assertThat(input.path("mime_type").asText()).isEqualTo("audio/flac");
        assertThat(input.has("data")).isFalse();
        assertThat(transcription.segments()).isNotEmpty();
        assertThat(fake.filesLeft()).isEmpty();
    }

    @Test
    void aFilePollAnswered429WaitsForRetryAfterAndUploadsOnce() {
        fake.pollsRunning(1).rateLimitPoll(1);

        strict(deployment()).transcribe(request().audio(AudioInput.of("long.wav", new byte[5000])).build());

        assertThat(fake.count("POST /upload/v1beta/files")).isEqualTo(2);
        assertThat(time.sleeps()).contains(Duration.ofSeconds(2));
        assertThat(fake.filesLeft()).isEmpty();
    }

    @Test
    void quotaExhaustedIsRateLimitedForTheRetryAfterGoogleGives() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30")
                .setHeader("Content-Type", "application/json").body(jsonOf(fields("error", fields("code", 429,
                        "message", "Resource has been exhausted (e.g. check quota).", "status", "RESOURCE_EXHAUSTED"))))
                .build());

        assertThat(failure()).isEqualTo(new RateLimited("HTTP 429 from gemini (deployment 'contract-1'): Resource "
                + "has been exhausted (e.g. check quota).", Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void permissionDeniedIsAuthenticationFailed() {
        TranscriptionPort port = strict(deployment().apiKey(Secret.of("AIza-wrong-and-long-enough")));
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(403, jsonOf(fields("error", fields("code", 403, "message",
                        "Permission denied on resource project.", "status", "PERMISSION_DENIED"))));
            }
        });

        assertThat(failingCall(port, request().build()).failure()).isEqualTo(new AuthenticationFailed(
                "HTTP 403 from gemini (deployment 'contract-1'): Permission denied on resource project."));
    }
}
