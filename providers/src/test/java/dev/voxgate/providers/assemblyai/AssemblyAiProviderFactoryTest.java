package dev.voxgate.providers.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.ManualJobRuntime;
import dev.voxgate.providers.ProviderContractTest;
import dev.voxgate.providers.fakes.FakeAssemblyAi;
import dev.voxgate.providers.spi.ProviderFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * AssemblyAI as a job, against a fake that checks what AssemblyAI checks and runs its job state machine, on a clock
 * that moves only when the job waits; plus the provider contract, its answers queued call by call.
 */
class AssemblyAiProviderFactoryTest extends ProviderContractTest {

    private static final String MODEL = "universal-3-5-pro";
    private final ManualJobRuntime time = new ManualJobRuntime();
    private final FakeAssemblyAi fake = new FakeAssemblyAi(KEY, "Hello from the fake vendor.", audio -> 3.0);

    @Override
    protected ProviderFactory factory() {
        return new AssemblyAiProviderFactory(time.runtime());
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "transcribe", "assemblyai", MODEL).apiBase(root.toString())
                .apiKey(Secret.of(KEY));
    }

    @Override
    protected String errorBody(String message, String param) {
        return jsonOf(fields("error", message));
    }

    @Override
    protected String transcriptBody(String text) {
        return jsonOf(fields("id", "t-1", "status", "completed", "text", text, "words", List.of(),
                "language_code", "en", "audio_duration", 3));
    }

    @Override
    protected boolean producesTextFormat(ResponseFormat format) {
        return format != ResponseFormat.TEXT;
    }

    @Override
    protected boolean errorsNameTheirParam() {
        return false;
    }

    /** Upload, create (queued), then the answer: the completed transcript, or after it the srt/vtt export. */
    @Override
    protected void enqueueAnswer(ResponseFormat format, MockResponse answer) {
        server.enqueue(json(200, jsonOf(fields("upload_url", "https://cdn.assemblyai.com/upload/u-1"))));
        server.enqueue(json(200, jsonOf(fields("id", "t-1", "status", "queued"))));
        if (format == ResponseFormat.SRT || format == ResponseFormat.VTT) {
            server.enqueue(json(200, transcriptBody("hi")));
        }
        server.enqueue(answer);
        server.enqueue(json(200, transcriptBody("")));
    }

    @Override
    protected RecordedRequest takeAudioRequest() throws InterruptedException {
        RecordedRequest request = takeRequest();
        while (!request.getUrl().encodedPath().equals("/v2/upload")) {
            request = takeRequest();
        }
        return request;
    }

    @Override
    protected void assertFormatAsked(ResponseFormat format) throws InterruptedException {
        RecordedRequest request = takeRequest();
        while (!request.getUrl().encodedPath().endsWith("/" + format.wireName())) {
            request = takeRequest();
        }
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/transcript/t-1/" + format.wireName());
    }

    /** The raw bytes as octet-stream; AssemblyAI never sees the file name or type. */
    @Override
    protected void assertAudioSent(RecordedRequest recorded, String filename, String contentType) {
        assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(recorded.getBody().toByteArray()).isEqualTo(AUDIO);
    }

    private TranscriptionPort strict(Deployment.Builder deployment) {
        server.setDispatcher(fake);
        return connect(deployment.build());
    }

    @Test
    void uploadsCreatesPollsReadsAndDeletesWithTheKeyAlone() {
        fake.pollsRunning(1);

        Transcription transcription = strict(deployment()).transcribe(request().language("de").build());

        assertThat(fake.seen()).containsExactly("POST /v2/upload", "POST /v2/transcript",
                "GET /v2/transcript/job-0001", "GET /v2/transcript/job-0001", "DELETE /v2/transcript/job-0001");
        assertThat(fake.lastOptions().path("speech_models").toString()).isEqualTo("[\"" + MODEL + "\"]");
        assertThat(fake.lastOptions().path("language_code").asText()).isEqualTo("de");
        assertThat(fake.lastOptions().has("language_detection")).isFalse();
        assertThat(fake.jobsLeft()).isEmpty();
        assertThat(transcription.text()).isEqualTo("Hello from the fake vendor.");
        assertThat(transcription.language()).contains("de");
        assertThat(transcription.usage()).contains(new Usage.Duration(3));
        assertThat(transcription.words()).first().isEqualTo(new Word("Hello", 0, 0.55, Optional.empty(),
                Optional.of(0.98)));
        assertThat(transcription.segments()).singleElement()
                .satisfies(segment -> assertThat(segment.text()).isEqualTo("Hello from the fake vendor."));
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void withoutALanguageItAsksAssemblyAiToDetectOne() {
        Transcription transcription = strict(deployment()).transcribe(request().build());

        assertThat(fake.lastOptions().path("language_detection").asBoolean()).isTrue();
        assertThat(transcription.language()).contains("en");
    }

    @Test
    void diarizedJsonAsksForSpeakerLabelsAndTurnsUtterancesIntoSegments() {
        Transcription transcription = strict(deployment())
                .transcribe(request().responseFormat(ResponseFormat.DIARIZED_JSON).build());

        assertThat(fake.lastOptions().path("speaker_labels").asBoolean()).isTrue();
        assertThat(transcription.segments()).singleElement().isEqualTo(speakerSegment(0, 0, 2.95,
                "Hello from the fake vendor.", "A"));
        assertThat(transcription.words()).allSatisfy(word -> assertThat(word.speaker()).contains("A"));
    }

    @Test
    void subtitlesAreAssemblyAisOwnExportWithItsCaptionLength() {
        Transcription transcription = strict(deployment().param("chars_per_caption", "32"))
                .transcribe(request().responseFormat(ResponseFormat.VTT).build());

        assertThat(fake.seen()).contains("GET /v2/transcript/job-0001/vtt");
        assertThat(transcription.formattedBody().orElseThrow())
                .isEqualTo("WEBVTT\n\n00:00:00.000 --> 00:00:02.950\nHello from the fake vendor.\n\n");
        assertThat(fake.lastOptions().has("chars_per_caption")).as("a query parameter of the export only").isFalse();
    }

    @Test
    void vendorOptionsAreSentAsTypedJson() {
        strict(deployment().param("speakers_expected", "2").param("punctuate", "False")
                .param("keyterms_prompt", ParamValue.values(List.of("Voxgate", "AssemblyAI"))))
                .transcribe(request().build());

        assertThat(fake.lastOptions().path("speakers_expected").isNumber()).isTrue();
        assertThat(fake.lastOptions().path("punctuate").isBoolean()).isTrue();
        assertThat(fake.lastOptions().path("punctuate").asBoolean()).isFalse();
        assertThat(fake.lastOptions().path("keyterms_prompt").toString()).isEqualTo("[\"Voxgate\",\"AssemblyAI\"]");
    }

    @Test
    void aPollAnswered429WaitsForRetryAfterAndTheJobStillSucceedsWithOneUpload() {
        fake.pollsRunning(1).rateLimitPoll(1);

        Transcription transcription = strict(deployment()).transcribe(request().build());

        assertThat(transcription.text()).isEqualTo("Hello from the fake vendor.");
        assertThat(fake.count("POST /v2/upload")).isEqualTo(1);
        assertThat(time.sleeps()).contains(Duration.ofSeconds(2));
    }

    @Test
    void aPollAnswered503IsPolledAgainRatherThanUploadingAgain() {
        fake.pollsRunning(0).unavailablePoll(1);

        assertThat(strict(deployment()).transcribe(request().build()).text()).isEqualTo("Hello from the fake vendor.");
        assertThat(fake.count("POST /v2/upload")).isEqualTo(1);
        assertThat(fake.count("GET /v2/transcript/")).isEqualTo(2);
    }

    @Test
    void sixFailedPollsInARowFailTheAttemptWithTheVendorsStatusAndTheJobIsStillDeleted() {
        fake.pollsRunning(0);
        for (int poll = 1; poll <= 6; poll++) {
            fake.unavailablePoll(poll);
        }

        assertThat(failingCall(strict(deployment()), request().build()).failure())
                .asInstanceOf(type(UpstreamUnavailable.class)).extracting(UpstreamUnavailable::upstreamStatus)
                .isEqualTo(OptionalInt.of(503));
        assertThat(fake.count("POST /v2/upload")).isEqualTo(1);
        assertThat(fake.jobsLeft()).isEmpty();
    }

    @Test
    void aJobStillProcessingAtTheDeploymentTimeoutFailsAsATimeoutAndIsDeletedOnceItEnds() {
        fake.pollsRunning(40);

        TranscriptionException thrown = failingCall(strict(deployment().timeout(Duration.ofSeconds(30))),
                request().build());

        assertThat(thrown.failure()).isInstanceOf(UpstreamTimeout.class);
        assertThat(thrown.failure().message()).isEqualTo("assemblyai (deployment 'contract-1'): job job-0001 had not "
                + "ended 30000 ms after it was started (the deployment's timeout)");
        assertThat(fake.jobsLeft()).isEmpty();
        assertThat(fake.seen()).endsWith("DELETE /v2/transcript/job-0001");
        assertThat(fake.count("POST /v2/upload")).isEqualTo(1);
    }

    @Test
    void anInterruptedWaitFailsAsATimeoutKeepsTheInterruptAndStillDeletesTheJob() {
        fake.pollsRunning(3);
        time.interruptNextSleep();

        TranscriptionException thrown = failingCall(strict(deployment()), request().build());

        assertThat(Thread.interrupted()).as("the router must see the interrupt").isTrue();
        assertThat(thrown.failure()).isInstanceOf(UpstreamTimeout.class);
        assertThat(fake.jobsLeft()).isEmpty();
    }

    @Test
    void aJobEndingInErrorOverTheAudioIsAnInvalidFileWithAssemblyAisWordsAndNoKey() {
        fake.failing("Transcoding failed. File does not appear to contain audio. (key " + KEY + ")");

        TranscriptionException thrown = failingCall(strict(deployment()), request().build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("file", "assemblyai (deployment 'contract-1'):"
                + " job job-0001 ended in error: Transcoding failed. File does not appear to contain audio. (key ****)"));
        assertThat(fake.jobsLeft()).isEmpty();
    }

    @Test
    void aJobEndingInAServerErrorIsTheVendorUnavailable() {
        fake.failing("Internal server error. Please try again.");

        assertThat(failingCall(strict(deployment()), request().build()).failure())
                .asInstanceOf(type(UpstreamUnavailable.class)).extracting(UpstreamUnavailable::message).asString()
                .endsWith("ended in error: Internal server error. Please try again.");
    }

    @Test
    void theEuHostIsItsOwnBase() {
        assertThat(AssemblyAiProviderFactory.EU_API_BASE).isEqualTo("https://api.eu.assemblyai.com");
    }
}
