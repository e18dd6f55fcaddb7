package dev.voxgate.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.voxgate.core.CallerTimeLimit;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.error.TranscriptionFailure.PayloadTooLarge;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every provider adapter must show against its vendor's HTTP API: each error status becomes the right
 * failure kind, timeouts and unreachable vendors are told apart, unreadable success bodies are protocol errors, and
 * no failure ever shows the key. Each vendor's test extends this and adds its own strict wire checks.
 */
public abstract class ProviderContractTest extends ProviderTestBase {

    /** The vendor's JSON answer for {@code json} with transcript {@code text}; OpenAI's, billing 3 seconds. */
    protected String transcriptBody(String text) {
        return "{\"text\":\"" + text + "\",\"usage\":{\"type\":\"duration\",\"seconds\":3}}";
    }

    /** The usage {@link #transcriptBody} reports. */
    protected Optional<Usage> transcriptUsage() {
        return Optional.of(new Usage.Duration(3));
    }

    /** Whether the vendor itself produces {@code format} (a text format), so its body is passed through. */
    protected boolean producesTextFormat(ResponseFormat format) {
        return true;
    }

    private String prefix(int status) {
        return "HTTP " + status + " from " + factory().id() + " (deployment '" + DEPLOYMENT_ID + "')";
    }

    /** Whether the vendor answers {@code text}, {@code srt} and {@code vtt} in those formats, rather than JSON. */
    protected boolean answersInTextFormats() {
        return true;
    }

    /** Whether the vendor's error envelope can name the request field it blames. */
    protected boolean errorsNameTheirParam() {
        return true;
    }

    /** A probe of the default deployment's declared capabilities against the fake vendor. */
    protected final CapabilityProbe probe(Deployment deployment) {
        return new CapabilityProbe(connect(deployment), server, this::answerIn, ProviderTestBase::request,
                this::enqueueAnswer);
    }

    /**
     * Puts on the fake's queue the vendor's {@code answer} to a transcription in {@code format}: the one answer of a
     * vendor that answers at once; a job-style vendor adds the answers of its other calls around it.
     */
    protected void enqueueAnswer(ResponseFormat format, MockResponse answer) {
        server.enqueue(answer);
    }

    /** The next request that carried the audio. */
    protected RecordedRequest takeAudioRequest() throws InterruptedException {
        return takeRequest();
    }

    /** Asserts that the vendor was asked for {@code format}, as it takes the format. */
    protected void assertFormatAsked(ResponseFormat format) throws InterruptedException {
        assertThat(RecordedForm.of(takeRequest()).value("response_format")).isEqualTo(format.wireName());
    }

    /** The vendor's 200 answer to a request in {@code format}. */
    protected MockResponse answerIn(ResponseFormat format) {
        return format.isText() && answersInTextFormats() && producesTextFormat(format)
                ? text(200, "text/plain; charset=utf-8", "hi")
                : json(200, transcriptBody("hi"));
    }

    @Test
    void declaresExactlyTheResponseFormatsItServes() {
        probe(deployment().build()).formatsAgree();
    }

    @Test
    void declaresExactlyTheStandardFieldsAndTimingsItTakes() {
        probe(deployment().build()).standardFieldsAgree();
    }

    @Test
    void declaresTranslationExactlyWhenItTranslates() {
        probe(deployment().build()).translationAgrees();
    }

    @Test
    void declaresStreamingExactlyWhenItStreams() {
        probe(deployment().build()).streamingAgrees();
    }

    @Test
    void misconfiguredDeploymentDeclaresNothingSoItsCallsSayWhatToFix() {
        TranscriptionPort port = connect(deployment().apiBase("user:hunter2@nowhere").build());

        assertThat(port.capabilities()).isEqualTo(Capabilities.UNDECLARED);
    }

    /** Asserts that {@code recorded} carried the audio {@code filename} of {@code contentType} as the vendor expects. */
    protected void assertAudioSent(RecordedRequest recorded, String filename, String contentType) {
        RecordedForm form = RecordedForm.of(recorded);
        assertThat(form.file().filename()).contains(filename);
        assertThat(form.file().contentType()).contains(contentType);
        assertThat(form.file().body().toByteArray()).isEqualTo(AUDIO);
    }

    @Test
    void jsonTranscriptIsMapped() {
        enqueueAnswer(ResponseFormat.JSON, json(200, transcriptBody("hello world")));

        Transcription transcription = connect(deployment().build()).transcribe(request().build());

        assertThat(transcription.text()).isEqualTo("hello world");
        assertThat(transcription.usage()).isEqualTo(transcriptUsage());
        assertThat(transcription.formattedBody()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = {"TEXT", "SRT", "VTT"})
    void textFormatsArePassedThroughVerbatim(ResponseFormat format) throws Exception {
        assumeTrue(answersInTextFormats(), "the vendor answers JSON only");
        assumeTrue(producesTextFormat(format), "the vendor does not produce " + format.wireName());
        String body = "WEBVTT\n\n1\n00:00:00,000 --> 00:00:01,500\n  Hello,   there.\n\n";
        enqueueAnswer(format, text(200, "text/plain; charset=utf-8", body));

        Transcription transcription = connect(deployment().build())
                .transcribe(request().responseFormat(format).build());

        assertThat(transcription.formattedBody()).contains(body);
        assertFormatAsked(format);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = {"TEXT", "SRT", "VTT"})
    void textFormatsOfAJsonOnlyVendorAreReadFromItsJson(ResponseFormat format) {
        assumeFalse(answersInTextFormats(), "the vendor answers in text formats");
        TranscriptionPort port = connect(deployment().build());
        assumeTrue(port.capabilities().responseFormats().contains(format), "it does not serve " + format.wireName());
        enqueueAnswer(format, json(200, transcriptBody("hello world")));

        Transcription transcription = port.transcribe(request().responseFormat(format).build());

        assertThat(transcription.text()).isEqualTo("hello world");
        assertThat(transcription.formattedBody()).isEmpty();
    }

    @Test
    void badRequestBecomesInvalidRequestNamingTheVendorsParam() {
        server.enqueue(json(400, errorBody("response_format 'srt' is not compatible", "response_format")));

        assertThat(failure()).asInstanceOf(type(InvalidRequest.class)).satisfies(invalid -> {
            assertThat(invalid.param()).isEqualTo(errorsNameTheirParam() ? Optional.of("response_format")
                    : Optional.empty());
            assertThat(invalid.message()).isEqualTo(prefix(400) + ": response_format 'srt' is not compatible");
        });
    }

    @Test
    void unprocessableRequestBecomesInvalidRequest() {
        server.enqueue(json(422, errorBody("audio too short", null)));

        assertThat(failure()).isEqualTo(InvalidRequest.of(prefix(422) + ": audio too short"));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsBecomeAuthenticationFailed(int status) {
        server.enqueue(json(status, errorBody("Access denied", null)));

        assertThat(failure()).isEqualTo(new AuthenticationFailed(prefix(status) + ": Access denied"));
    }

    @Test
    void notFoundBecomesModelNotFound() {
        server.enqueue(json(404, errorBody("The model does not exist", null)));

        assertThat(failure()).isEqualTo(new ModelNotFound(prefix(404) + ": The model does not exist"));
    }

    @Test
    void requestTimeoutStatusBecomesUpstreamTimeout() {
        server.enqueue(json(408, errorBody("Request timed out", null)));

        assertThat(failure()).isEqualTo(new UpstreamTimeout(prefix(408) + ": Request timed out"));
    }

    @Test
    void payloadTooLargeBecomesPayloadTooLarge() {
        server.enqueue(json(413, errorBody("Maximum content size limit (26214400) exceeded", null)));

        assertThat(failure()).isInstanceOf(PayloadTooLarge.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {405, 409, 418})
    void otherClientErrorsBecomeInvalidRequest(int status) {
        server.enqueue(json(status, errorBody("nope", null)));

        assertThat(failure()).isEqualTo(InvalidRequest.of(prefix(status) + ": nope"));
    }

    @Test
    void rateLimitWaitsForRetryAfterSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body(errorBody("Rate limit reached", null)).build());

        assertThat(failure()).isEqualTo(new RateLimited(prefix(429) + ": Rate limit reached",
                Optional.of(Duration.ofSeconds(7))));
    }

    @Test
    void rateLimitReadsRetryAfterGivenAsAnHttpDate() {
        String inTwoMinutes = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", inTwoMinutes).build());

        assertThat(failure()).asInstanceOf(type(RateLimited.class)).extracting(RateLimited::retryAfter)
                .satisfies(wait -> assertThat(wait.orElseThrow()).isBetween(Duration.ofSeconds(100),
                        Duration.ofSeconds(121)));
    }

    @Test
    void rateLimitPrefersRetryAfterMilliseconds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after-ms", "1500")
                .setHeader("Retry-After", "2").build());

        assertThat(failure()).asInstanceOf(type(RateLimited.class)).extracting(RateLimited::retryAfter)
                .isEqualTo(Optional.of(Duration.ofMillis(1500)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsBecomeUpstreamUnavailableWithTheirStatus(int status) {
        server.enqueue(json(status, errorBody("The server had an error", null)));

        assertThat(failure()).isEqualTo(
                new UpstreamUnavailable(prefix(status) + ": The server had an error", OptionalInt.of(status)));
    }

    @Test
    void htmlErrorPageIsReportedWithoutItsMarkup() {
        server.enqueue(text(502, "text/html", "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"));

        assertThat(failure()).isEqualTo(new UpstreamUnavailable(prefix(502), OptionalInt.of(502)));
    }

    @Test
    void truncatedJsonSuccessBecomesProtocolError() {
        server.enqueue(json(200, "{\"text\":\"hello wor"));

        assertThat(failure()).isInstanceOf(UpstreamProtocolError.class)
                .extracting(TranscriptionFailure::message).asString().startsWith(prefix(200));
    }

    @Test
    void htmlSuccessPageBecomesProtocolError() {
        server.enqueue(text(200, "text/html; charset=utf-8", "<html><body>Sign in</body></html>"));

        assertThat(failure()).isInstanceOf(UpstreamProtocolError.class);
    }

    @Test
    void jsonSuccessWithoutTextBecomesProtocolError() {
        server.enqueue(json(200, "{\"language\":\"english\"}"));

        assertThat(failure()).isInstanceOf(UpstreamProtocolError.class);
    }

    @Test
    void redirectIsNotFollowedSoTheKeyStaysWithTheVendor() {
        server.enqueue(new MockResponse.Builder().code(307).setHeader("Location", "http://127.0.0.1:9/steal").build());

        assertThat(failure()).isInstanceOf(UpstreamProtocolError.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void vendorThatNeverAnswersTimesOutAtTheDeploymentTimeout() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        TranscriptionPort port = connect(deployment().timeout(Duration.ofMillis(300)).build());
        long started = System.nanoTime();

        TranscriptionException thrown = failingCall(port, request().build());

        assertThat(thrown.failure()).isInstanceOf(UpstreamTimeout.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aCallBoundedByItsCallerKeepsNoTimerOfItsOwnAndEndsWhenTheCallerInterruptsIt() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        TranscriptionPort port = connect(deployment().timeout(Duration.ofMillis(200)).build());
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicLong endedAfterNanos = new AtomicLong();
        long started = System.nanoTime();

        // As the router runs an attempt: on a virtual thread, marked bounded, interrupted when its time is up.
        Thread attempt = Thread.ofVirtual().start(() -> {
            try {
                CallerTimeLimit.bounding(() -> port.transcribe(request().build()));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
            endedAfterNanos.set(System.nanoTime() - started);
        });
        Thread.sleep(1_000);
        attempt.interrupt();
        attempt.join(5_000);

        assertThat(attempt.isAlive()).as("the interrupt ends the stalled call").isFalse();
        assertThat(outcome.get()).as("the deployment's own 200 ms did not cut it").isInstanceOf(
                TranscriptionException.class);
        assertThat(Duration.ofNanos(endedAfterNanos.get())).isGreaterThanOrEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void closedPortBecomesUpstreamUnavailableWithoutStatus() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpUrl nobody = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(closedPort).build();

        TranscriptionException thrown = failingCall(connect(deploymentAt(nobody).build()), request().build());

        assertThat(thrown.failure()).asInstanceOf(type(UpstreamUnavailable.class))
                .extracting(UpstreamUnavailable::upstreamStatus).isEqualTo(OptionalInt.empty());
    }

    @Test
    void connectionDroppedBeforeTheAnswerBecomesUpstreamUnavailable() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        assertThat(failure()).isInstanceOf(UpstreamUnavailable.class);
    }

    @Test
    void keyEchoedByTheVendorNeverReachesTheCaller() {
        String masked = KEY.substring(0, 5) + "*************" + KEY.substring(KEY.length() - 4);
        server.enqueue(json(401, errorBody("Incorrect API key provided: " + KEY + ". Also seen: " + masked
                + ", header Bearer " + KEY.substring(3) + ", fragment " + KEY.substring(4, 20), null)));

        TranscriptionException thrown = failingCall(connect(deployment().build()), request().build());

        assertThat(thrown.failure().message()).startsWith(prefix(401) + ": Incorrect API key provided: ****.")
                .doesNotContain(masked);
        assertKeyHidden(thrown);
    }

    @Test
    void keyInAPlainTextErrorNeverReachesTheCaller() {
        server.enqueue(text(500, "text/plain", "upstream rejected key " + KEY));

        TranscriptionException thrown = failingCall(connect(deployment().build()), request().build());

        assertThat(thrown.failure().message()).isEqualTo(prefix(500) + ": upstream rejected key ****");
        assertKeyHidden(thrown);
    }

    @Test
    void onDiskAudioIsSentIdenticallyOnEveryCall(@TempDir Path directory) throws Exception {
        Path file = Files.write(directory.resolve("meeting.mp3"), AUDIO);
        AudioInput audio = AudioInput.of(file);
        enqueueAnswer(ResponseFormat.JSON, json(200, transcriptBody("one")));
        enqueueAnswer(ResponseFormat.JSON, json(200, transcriptBody("two")));
        TranscriptionPort port = connect(deployment().build());

        port.transcribe(request().audio(audio).build());
        port.transcribe(request().audio(audio).build());

        assertAudioSent(takeAudioRequest(), "meeting.mp3", "audio/mpeg");
        assertAudioSent(takeAudioRequest(), "meeting.mp3", "audio/mpeg");
    }

    @Test
    void adapterNamesItsDeploymentButNeverItsKey() {
        assertThat(connect(deployment().build()).toString()).doesNotContain(KEY)
                .contains(factory().id(), DEPLOYMENT_ID);
    }

    @Test
    void adapterNeverShowsTheKey() {
        assertThat(connect(deployment().build()).toString()).doesNotContain(KEY);
    }

    private static void assertKeyHidden(TranscriptionException thrown) {
        String fragment = KEY.substring(4, 20);
        for (String shown : List.of(thrown.toString(), thrown.getMessage(), thrown.failure().toString())) {
            assertThat(shown).doesNotContain(KEY).doesNotContain(fragment).doesNotContain(KEY.substring(3));
        }
    }
}
