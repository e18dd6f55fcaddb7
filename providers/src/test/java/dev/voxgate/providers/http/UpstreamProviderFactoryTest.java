package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Deployment.Builder;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.providers.spi.ProviderContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shape a job-style vendor will take: an exchange of several calls (upload the audio, then create the
 * transcript from it) over the deployment's calls, each sent with the key and mapped to a failure the one way.
 */
class UpstreamProviderFactoryTest {

    private static final String KEY = "job-key-Zq8Wm2Lx5Vb7";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ParamSchema PARAMS = ParamSchema.builder()
            .param(ParamPlacement.JSON, ParamType.BOOLEAN, "speaker_labels")
            .param(ParamPlacement.JSON, ParamType.LIST, "keyterms_prompt")
            .build();
    private static final UpstreamProviderFactory JOB_VENDOR = new UpstreamProviderFactory(
            EndpointRules.builder("jobs").baseVariables("JOBS_API_BASE").keyVariables("JOBS_API_KEY")
                    .keyHeader(KeyHeader.named("authorization")).build(),
            PARAMS, Capabilities.builder().nativeFormats(java.util.EnumSet.of(ResponseFormat.JSON))
                    .paramTypes(PARAMS.types().orElseThrow()).build(),
            UpstreamProviderFactoryTest::uploadThenCreate);

    private final MockWebServer server = new MockWebServer();

    /** Uploads the audio, then creates the transcript from what the upload answered. */
    private static Transcription uploadThenCreate(Deployment deployment, VettedRequest request, UpstreamCalls calls) {
        String uploaded = calls.send(new Request.Builder().url(calls.endpoint().base().resolve("v2/upload"))
                .post(new AudioRequestBody(request.request().audio())), (body, type) ->
                ProviderJson.readBody(body, Upload.class).uploadUrl());
        ObjectNode job = JsonNodeFactory.instance.objectNode().put("audio_url", uploaded)
                .put("model", deployment.providerModel());
        request.writeJson(job);
        return calls.send(new Request.Builder().url(calls.endpoint().base().resolve("v2/transcript"))
                        .post(RequestBody.create(job.toString(), JSON)),
                (body, type) -> Transcription.ofText(ProviderJson.readBody(body, Upload.class).text()));
    }

    record Upload(@JsonProperty("upload_url") String uploadUrl, String text) {
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Builder deployment() {
        return Deployment.builder("j1", "speech", "jobs", "universal-2").apiBase(server.url("/").toString())
                .apiKey(Secret.of(KEY));
    }

    private static TranscriptionPort connect(Deployment deployment) {
        return JOB_VENDOR.create(deployment, new ProviderContext(ProviderCatalog.newHttpClient(),
                EnvironmentSource.of(Map.of())));
    }

    private static TranscriptionRequest.Builder request() {
        return TranscriptionRequest.builder("speech", AudioInput.of("a.wav", new byte[] {1, 2, 3}));
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).isNotNull();
        return recorded;
    }

    @Test
    void anExchangeMakesSeveralCallsEachWithTheDeploymentsKey() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"upload_url\":\"https://cdn.example/u1\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"text\":\"hello\"}").build());

        Transcription transcription = connect(deployment().param("speaker_labels", "True")
                .param("keyterms_prompt[]", "Voxgate").build()).transcribe(request().build());

        assertThat(transcription.text()).isEqualTo("hello");
        RecordedRequest upload = take();
        assertThat(upload.getTarget()).isEqualTo("/v2/upload");
        assertThat(upload.getHeaders().get("authorization")).isEqualTo(KEY);
        assertThat(upload.getBody().toByteArray()).containsExactly(1, 2, 3);
        RecordedRequest create = take();
        assertThat(create.getTarget()).isEqualTo("/v2/transcript");
        assertThat(create.getHeaders().get("authorization")).isEqualTo(KEY);
        assertThat(create.getBody().utf8()).isEqualTo("{\"audio_url\":\"https://cdn.example/u1\","
                + "\"model\":\"universal-2\",\"keyterms_prompt\":[\"Voxgate\"],\"speaker_labels\":true}");
    }

    @Test
    void aFailingLaterCallFailsTheExchangeAsItsStatusSays() {
        server.enqueue(new MockResponse.Builder().body("{\"upload_url\":\"https://cdn.example/u1\"}").build());
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                .body("{\"error\":\"Too Many Requests\"}").build());

        TranscriptionException thrown = catchThrowableOfType(TranscriptionException.class,
                () -> connect(deployment().build()).transcribe(request().build()));

        assertThat(thrown.failure()).isEqualTo(new RateLimited("HTTP 429 from jobs (deployment 'j1'): "
                + "Too Many Requests", Optional.of(Duration.ofSeconds(3))));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theRequestIsVettedBeforeTheFirstCall() {
        TranscriptionException thrown = catchThrowableOfType(TranscriptionException.class,
                () -> connect(deployment().param("speaker_labels", "maybe").build()).transcribe(request().build()));

        assertThat(thrown.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                invalid -> assertThat(invalid.param()).contains("speaker_labels"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMisconfiguredDeploymentDeclaresNothingAndEveryKindOfCallSaysWhatToSet() {
        TranscriptionPort port = connect(deployment().apiKey(null).build());
        AuthenticationFailed missingKey = new AuthenticationFailed(
                "no API key for deployment 'j1': set litellm_params.api_key or JOBS_API_KEY");

        assertThat(port.capabilities()).isEqualTo(Capabilities.UNDECLARED);
        assertThatThrownBy(() -> port.transcribe(request().build())).isInstanceOfSatisfying(
                TranscriptionException.class, thrown -> assertThat(thrown.failure()).isEqualTo(missingKey));
        assertThatThrownBy(() -> port.translate(request().build())).isInstanceOfSatisfying(
                TranscriptionException.class, thrown -> assertThat(thrown.failure()).isEqualTo(missingKey));
        assertThatThrownBy(() -> port.transcribeStreaming(request().build(), delta -> { })).isInstanceOfSatisfying(
                TranscriptionException.class, thrown -> assertThat(thrown.failure()).isEqualTo(missingKey));
        assertThat(port.toString()).contains("jobs", "j1").doesNotContain(KEY);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aDeploymentOfAnotherProviderIsRefused() {
        Deployment other = Deployment.builder("o1", "speech", "other", "m").build();

        assertThatThrownBy(() -> connect(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'other'");
    }
}
