package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Azure OpenAI clients reach the proxy by changing only their endpoint: Azure's URL shape and its api-key header. */
class AzureClientIT {

    private static final String OPENAI_KEY = "sk-openai-azure-client-test";

    @Test
    void officialSdkInAzureModeTranscribesThroughTheDeploymentRoute() {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "spoken through the azure route");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-openai.yaml"),
                     Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", openAi.baseUrl()))) {
            OpenAIClient azureClient = OpenAIOkHttpClient.builder()
                    .baseUrl(proxy.baseUrl())
                    .credential(AzureApiKeyCredential.create("sk-1234"))
                    .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-10-21"))
                    .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                    .maxRetries(0)
                    .build();

            String text = azureClient.audio().transcriptions().create(TranscriptionCreateParams.builder()
                    .file(Examples.audio()).model("whisper").build()).asTranscription().text();

            assertThat(text).isEqualTo("spoken through the azure route");
            assertThat(openAi.seen().getFirst().fields()).containsEntry("model", List.of("whisper-1"));
        }
    }

    @Test
    void deploymentInThePathWinsOverTheFormsModel() {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "path wins");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-openai.yaml"),
                     Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", openAi.baseUrl()))) {
            var answer = ProxyClients.postTranscription(proxy,
                    "/openai/deployments/whisper/audio/transcriptions?api-version=2024-02-15-preview", null,
                    Examples.audio(), ProxyClients.fields("model", "not-a-group"), Map.of("api-key", "sk-1234"));
            var unknown = ProxyClients.postTranscription(proxy,
                    "/openai/deployments/no-such-group/audio/transcriptions?api-version=2024-10-21", null,
                    Examples.audio(), Map.of(), Map.of("api-key", "sk-1234"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("path wins");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body()).contains("no-such-group");
        }
    }
}
