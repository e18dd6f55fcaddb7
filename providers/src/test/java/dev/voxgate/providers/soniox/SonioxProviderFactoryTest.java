package dev.voxgate.providers.soniox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.ManualJobRuntime;
import dev.voxgate.providers.ProviderContractTest;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.fakes.FakeSoniox;
import dev.voxgate.providers.spi.ProviderFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Soniox as a job, against a fake that checks what Soniox checks and runs its job state machine, on a clock that
 * moves only when the job waits; plus the provider contract, its answers queued call by call.
 */
class SonioxProviderFactoryTest extends ProviderContractTest {

    private static final String MODEL = "stt-async-v4";
    private final ManualJobRuntime time = new ManualJobRuntime();
    private final FakeSoniox fake = new FakeSoniox(KEY, "Hello from the fake vendor.", audio -> 3.0);

    @Override
    protected ProviderFactory factory() {
        return new SonioxProviderFactory(time.runtime());
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "transcribe", "soniox", MODEL).apiBase(root.toString())
                .apiKey(Secret.of(KEY));
    }

    @Override
    protected String errorBody(String message, String param) {
        return jsonOf(fields("status_code", 400, "error_type", "invalid_request", "message", message,
                "validation_errors", List.of(), "request_id", "r-1"));
    }

    /** The transcript's tokens: "hel" "lo", " world" for "hello world". */
    @Override
    protected String transcriptBody(String text) {
        return jsonOf(fields("id", "j-1", "text", text, "tokens", List.of(
                fields("text", text.substring(0, Math.min(3, text.length())), "start_ms", 0, "end_ms", 100,
                        "confidence", 0.9),
                fields("text", text.length() > 3 ? text.substring(3) : "", "start_ms", 100, "end_ms", 3000,
                        "confidence", 0.9))));
    }

    @Override
    protected boolean answersInTextFormats() {
        return false;
    }

    @Override
    protected boolean errorsNameTheirParam() {
        return false;
    }

    /** Upload (201), create (201, queued), a completed poll billing 3 s, the answer, then both deletes (204). */
    @Override
    protected void enqueueAnswer(ResponseFormat format, MockResponse answer) {
        server.enqueue(json(201, jsonOf(fields("id", "f-1", "filename", "speech.wav", "size", AUDIO.length))));
        server.enqueue(json(201, jsonOf(fields("id", "j-1", "status", "queued"))));
        server.enqueue(json(200, jsonOf(fields("id", "j-1", "status", "completed", "audio_duration_ms", 3000))));
        server.enqueue(answer);
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
    }

    @Override
    protected RecordedRequest takeAudioRequest() throws InterruptedException {
        RecordedRequest request = takeRequest();
        while (!request.getUrl().encodedPath().equals("/v1/files")) {
            request = takeRequest();
        }
        return request;
    }

    private TranscriptionPort strict(Deployment.Builder deployment) {
        server.setDispatcher(fake);
        return connect(deployment.build());
    }

    @Test
    void uploadsCreatesPollsReadsTokensAndDeletesTheTranscriptionAndTheFile() throws Exception {
        fake.pollsRunning(1);

        Transcription transcription = strict(deployment()).transcribe(request().language("de").build());

        assertThat(fake.seen()).containsExactly("POST /v1/files", "POST /v1/transcriptions",
                "GET /v1/transcriptions/job-0001", "GET /v1/transcriptions/job-0001",
                "GET /v1/transcriptions/job-0001/transcript", "DELETE /v1/transcriptions/job-0001",
                "DELETE /v1/files/" + fileIdOf(fake));
        assertThat(fake.jobsLeft()).isEmpty();
        assertThat(fake.filesLeft()).isEmpty();
        assertThat(fake.lastOptions().path("model").asText()).isEqualTo(MODEL);
        assertThat(fake.lastOptions().path("language_hints").toString()).isEqualTo("[\"de\"]");
        assertThat(fake.lastOptions().has("enable_language_identification")).isFalse();
        assertThat(transcription.text()).isEqualTo("Hello from the fake vendor.");
        assertThat(transcription.words()).extracting(Word::word)
                .containsExactly("Hello", "from", "the", "fake", "vendor.");
        assertThat(transcription.words().get(1)).isEqualTo(new Word("from", 0.6, 1.15, Optional.empty(),
                Optional.of(0.97)));
        assertThat(transcription.segments()).singleElement()
                .satisfies(segment -> assertThat(segment.text()).isEqualTo("Hello from the fake vendor."));
        assertThat(transcription.usage()).contains(new Usage.Duration(3));
        assertThat(transcription.language()).contains("de");
    }

    private static String fileIdOf(FakeSoniox fake) {
        return fake.seen().getLast().substring("DELETE /v1/files/".length());
    }

    @Test
    void theAudioGoesAsTheMultipartFieldFileWithItsName() throws Exception {
        server.setDispatcher(fake);
        connect(deployment().build()).transcribe(request().build());

        RecordedForm form = RecordedForm.of(server.takeRequest());
        assertThat(form.file().filename()).contains("speech.wav");
        assertThat(form.file().body().toByteArray()).isEqualTo(AUDIO);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void diarizedJsonAsksForSpeakersAndKeepsThemOnWordsAndSegments() {
        Transcription transcription = strict(deployment())
                .transcribe(request().responseFormat(ResponseFormat.DIARIZED_JSON).build());

        assertThat(fake.lastOptions().path("enable_speaker_diarization").asBoolean()).isTrue();
        assertThat(transcription.words()).allSatisfy(word -> assertThat(word.speaker()).contains("1"));
        assertThat(transcription.segments()).singleElement().isEqualTo(speakerSegment(0, 0, 2.95,
                "Hello from the fake vendor.", "1"));
        assertThat(transcription.language()).contains("en");
    }

    @Test
    void withoutALanguageSonioxIsAskedToIdentifyOneUnlessHintsAreGiven() {
        TranscriptionPort port = strict(deployment());

        assertThat(port.transcribe(request().build()).language()).contains("en");
        assertThat(fake.lastOptions().path("enable_language_identification").asBoolean()).isTrue();
        port.transcribe(request().providerParam("language_hints", "fr").build());
        assertThat(fake.lastOptions().has("enable_language_identification")).isFalse();
        assertThat(fake.lastOptions().path("language_hints").toString()).isEqualTo("[\"fr\"]");
    }

    @Test
    void aPollAnswered429WaitsForRetryAfterAndTheJobStillSucceedsWithOneUpload() {
        fake.pollsRunning(1).rateLimitPoll(1);

        assertThat(strict(deployment()).transcribe(request().build()).text()).isEqualTo("Hello from the fake vendor.");
        assertThat(fake.count("POST /v1/files")).isEqualTo(1);
        assertThat(time.sleeps()).contains(Duration.ofSeconds(2));
    }

    @Test
    void aJobStillProcessingAtTheDeploymentTimeoutFailsAsATimeoutAndBothCopiesAreDeleted() {
        fake.pollsRunning(40);

        TranscriptionException thrown = failingCall(strict(deployment().timeout(Duration.ofSeconds(30))),
                request().build());

        assertThat(thrown.failure()).isInstanceOf(UpstreamTimeout.class);
        assertThat(thrown.failure().message()).startsWith("soniox (deployment 'contract-1'): job job-0001 had not "
                + "ended 30000 ms");
        assertThat(fake.count("DELETE /v1/transcriptions/job-0001")).as("deleted once it ended, not refused 409")
                .isEqualTo(1);
        assertThat(fake.jobsLeft()).isEmpty();
        assertThat(fake.filesLeft()).isEmpty();
    }

    @Test
    void aJobEndingInErrorIsAnInvalidFileWithSonioxsWordsAndNoKey() {
        fake.failing("Audio could not be decoded (" + KEY + ")");

        TranscriptionException thrown = failingCall(strict(deployment()), request().build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("file", "soniox (deployment 'contract-1'): job "
                + "job-0001 ended in error: audio_decode_error: Audio could not be decoded (****)"));
        assertThat(fake.jobsLeft()).isEmpty();
        assertThat(fake.filesLeft()).isEmpty();
    }

    @Test
    void aFailedCreationStillDeletesTheUploadedFile() {
        server.setDispatcher(fake);
        TranscriptionException thrown = failingCall(connect(Deployment.builder(DEPLOYMENT_ID, "transcribe", "soniox",
                "stt-nonexistent").apiBase(server.url("/").toString()).apiKey(Secret.of(KEY)).build()),
                request().build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.of("HTTP 400 from soniox (deployment 'contract-1'): "
                + "Invalid model 'stt-nonexistent'."));
        assertThat(fake.filesLeft()).isEmpty();
    }
}
