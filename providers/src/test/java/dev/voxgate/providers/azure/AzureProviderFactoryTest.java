package dev.voxgate.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.openaicompat.OpenAiCompatContractTest;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Azure OpenAI's wire format, checked as strictly as Azure's gateway would, plus the provider contract. */
class AzureProviderFactoryTest extends OpenAiCompatContractTest {

    private static final String PATH = "/openai/deployments/azure-whisper/audio/transcriptions";

    @Override
    protected ProviderFactory factory() {
        return new AzureProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "whisper", "azure", "azure-whisper")
                .apiBase(root.toString())
                .apiVersion("2024-02-15-preview")
                .apiKey(Secret.of(KEY));
    }

    /** Azure's gateway envelope: {@code code} and {@code message}, with {@code param} on model errors. */
    @Override
    protected String errorBody(String message, String param) {
        Map<String, Object> error = fields("code", "BadRequest", "message", message);
        if (param != null) {
            error.put("param", param);
        }
        return jsonOf(Map.of("error", error));
    }

    @Override
    protected Optional<SentExtra> acceptedExtra() {
        return Optional.of(new SentExtra("chunking_strategy", "auto", "chunking_strategy"));
    }

    @Test
    void callsTheDeploymentPathWithApiVersionAndAnApiKeyHeaderOnly() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().build()).transcribe(request().language("de")
                .responseFormat(ResponseFormat.SRT).build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo(PATH + "?api-version=2024-02-15-preview");
        assertThat(recorded.getHeaders().get("api-key")).isEqualTo(KEY);
        assertThat(recorded.getHeaders().get("Authorization")).isNull();
        RecordedForm form = RecordedForm.of(recorded);
        assertThat(form.names()).containsExactly("file", "model", "language", "response_format");
        assertThat(form.file().filename()).contains("speech.wav");
        assertThat(form.file().contentType()).contains("audio/wav");
        assertThat(form.file().body().toByteArray()).isEqualTo(AUDIO);
        assertThat(form.value("model")).isEqualTo("azure-whisper");
        assertThat(form.value("language")).isEqualTo("de");
        assertThat(form.value("response_format")).isEqualTo("srt");
    }

    @Test
    void apiVersionDefaultsToTheGaVersion() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().apiVersion(null).build()).transcribe(request().build());

        assertThat(AzureProviderFactory.DEFAULT_API_VERSION).isEqualTo("2024-10-21");
        assertThat(takeRequest().getTarget()).isEqualTo(PATH + "?api-version=2024-10-21");
    }

    @Test
    void baseKeyAndVersionComeFromTheAzureEnvironmentVariables() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));
        EnvironmentSource environment = EnvironmentSource.of(Map.of("AZURE_API_BASE", server.url("/").toString(),
                "AZURE_API_KEY", "azure-env-key", "AZURE_API_VERSION", "2025-03-01-preview"));

        connect(Deployment.builder(DEPLOYMENT_ID, "whisper", "azure", "azure-whisper").build(), environment)
                .transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo(PATH + "?api-version=2025-03-01-preview");
        assertThat(recorded.getHeaders().get("api-key")).isEqualTo("azure-env-key");
    }

    @Test
    void apiBaseWithATrailingSlashAndAPathIsTolerated() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().apiBase(server.url("/gateway/").toString()).build()).transcribe(request().build());

        assertThat(takeRequest().getTarget()).isEqualTo("/gateway" + PATH + "?api-version=2024-02-15-preview");
    }

    @Test
    void missingApiBaseFailsNamingWhereToSetIt() {
        var port = connect(deployment().apiBase(null).build());

        assertThat(failingCall(port, request().build()).failure()).isEqualTo(InvalidRequest.of(
                "no api_base for deployment 'contract-1': set litellm_params.api_base or AZURE_API_BASE"));
    }

    @Test
    void missingKeyFailsNamingAzureApiKey() {
        var port = connect(deployment().apiKey(null).build());

        assertThat(failingCall(port, request().build()).failure()).isEqualTo(new AuthenticationFailed(
                "no API key for deployment 'contract-1': set litellm_params.api_key or AZURE_API_KEY"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unknownAzureDeploymentBecomesModelNotFoundWithAzuresMessage() {
        server.enqueue(json(404, """
                {"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not \
                exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}\
                """));

        assertThat(failure()).isEqualTo(new ModelNotFound("HTTP 404 from azure (deployment 'contract-1'): The API "
                + "deployment for this resource does not exist. If you created the deployment within the last 5 "
                + "minutes, please wait a moment and try again."));
    }

    @Test
    void gatewayErrorWithOnlyACodeIsReportedByItsCode() {
        server.enqueue(json(401, "{\"error\":{\"code\":\"Unauthorized\"}}"));

        assertThat(failure()).isEqualTo(
                new AuthenticationFailed("HTTP 401 from azure (deployment 'contract-1'): Unauthorized"));
    }
}
