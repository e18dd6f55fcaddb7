package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import dev.voxgate.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three configs of LiteLLM's audio-transcription guide, unchanged, served end to end over loopback. */
class LiteLlmGuideConfigsIT {

    private static final String OPENAI_KEY = "sk-openai-test-0123456789";
    private static final String AZURE_KEY = "azure-test-key-0123456789";

    @Test
    void guideCurlGetsTheUpstreamTranscriptThroughConfigA() throws Exception {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "Four score and seven years ago");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-openai.yaml"),
                     Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", openAi.baseUrl()))) {
            Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "30",
                    proxy.baseUrl() + "/v1/audio/transcriptions",
                    "-H", "Authorization: Bearer sk-1234",
                    "--form", "file=@" + Examples.audio(),
                    "--form", "model=whisper").redirectErrorStream(true).start();
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(curl.waitFor()).isZero();
            assertThat(output).contains("\"text\":\"Four score and seven years ago\"");
            FakeSpeechVendor.SeenRequest seen = openAi.seen().getFirst();
            assertThat(seen.target()).isEqualTo("/v1/audio/transcriptions");
            assertThat(seen.headers()).containsEntry("authorization", "Bearer " + OPENAI_KEY);
            assertThat(seen.fields()).containsEntry("model", java.util.List.of("whisper-1"));
            assertThat(seen.filename()).isEqualTo("gettysburg-opening.wav");
            assertThat(seen.fileBytes()).isEqualTo(Files.readAllBytes(Examples.audio()));
        }
    }

    @Test
    void officialOpenAiJavaSdkTranscribesThroughTheProxy() throws IOException {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "Four score and seven years ago");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-openai.yaml"),
                     Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", openAi.baseUrl()))) {
            OpenAIClient client = ProxyClients.openAi(proxy, "sk-1234");

            String text = client.audio().transcriptions().create(TranscriptionCreateParams.builder()
                    .file(Examples.audio()).model("whisper").build()).asTranscription().text();

            assertThat(text).isEqualTo("Four score and seven years ago");
        }
    }

    @Test
    void wrongOrMissingProxyKeyIsRefusedWith401InOpenAiShape() {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "unused");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-openai.yaml"),
                     Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", openAi.baseUrl()))) {
            var wrong = postTranscription(proxy, "/v1/audio/transcriptions", "Bearer sk-wrong", Examples.audio(),
                    fields("model", "whisper"));
            var missing = postTranscription(proxy, "/v1/audio/transcriptions", null, Examples.audio(),
                    fields("model", "whisper"));

            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("\"error\":{\"message\":\"Invalid API key")
                    .contains("\"type\":").contains("\"param\":").contains("\"code\":\"invalid_api_key\"");
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.body()).contains("Missing API key");
            assertThat(openAi.requestCount()).isZero();
            assertThatThrownBy(() -> ProxyClients.openAi(proxy, "sk-nope").audio().transcriptions()
                    .create(TranscriptionCreateParams.builder().file(Examples.audio()).model("whisper").build()))
                    .isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void unknownModelAndMissingFileAreRefusedInOpenAiShape() {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "unused");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-openai.yaml"),
                     Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", openAi.baseUrl()))) {
            var unknownModel = postTranscription(proxy, "/v1/audio/transcriptions", "Bearer sk-1234",
                    Examples.audio(), fields("model", "whisper-large-v9"));
            var noFile = postTranscription(proxy, "/audio/transcriptions", "Bearer sk-1234", null,
                    fields("model", "whisper"));

            assertThat(unknownModel.status()).isEqualTo(404);
            assertThat(unknownModel.body()).contains("whisper-large-v9").contains("\"param\":\"model\"");
            assertThat(noFile.status()).isEqualTo(400);
            assertThat(noFile.body()).contains("\"param\":\"file\"").contains("Missing 'file'");
            assertThat(openAi.requestCount()).isZero();
        }
    }

    @Test
    void configBSpreadsRequestsOverOpenAiAndAzure() {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "from openai");
             FakeSpeechVendor azure = FakeSpeechVendor.azure(AZURE_KEY, "from azure", "azure-whisper");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-openai-azure.yaml"), Map.of(
                     "OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", openAi.baseUrl(),
                     "AZURE_EUROPE_API_BASE", azure.baseUrl(), "AZURE_EUROPE_API_KEY", AZURE_KEY))) {
            for (int i = 0; i < 40; i++) {
                var answer = postTranscription(proxy, "/v1/audio/transcriptions", "Bearer sk-1234", Examples.audio(),
                        fields("model", "whisper"));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            }

            assertThat(openAi.seen()).isNotEmpty();
            assertThat(azure.seen()).isNotEmpty();
            assertThat(openAi.seen().size() + azure.seen().size()).isEqualTo(40);
            FakeSpeechVendor.SeenRequest azureRequest = azure.seen().getFirst();
            assertThat(azureRequest.target())
                    .isEqualTo("/openai/deployments/azure-whisper/audio/transcriptions?api-version=2024-02-15-preview");
            assertThat(azureRequest.headers()).containsEntry("api-key", AZURE_KEY).doesNotContainKey("authorization");
        }
    }

    @Test
    void configCFallsBackToTheBackupWhenThePrimaryFails() {
        try (FakeSpeechVendor primary = FakeSpeechVendor.openAi(OPENAI_KEY, "from primary");
             FakeSpeechVendor backup = FakeSpeechVendor.azure(AZURE_KEY, "from backup", "whisper-deployment");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-fallbacks.yaml"), Map.of(
                     "OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", primary.baseUrl(),
                     "AZURE_API_BASE", backup.baseUrl(), "AZURE_API_KEY", AZURE_KEY))) {
            primary.failWith(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\","
                    + "\"param\":null,\"code\":null}}");

            var answer = postTranscription(proxy, "/v1/audio/transcriptions", null, Examples.audio(),
                    fields("model", "whisper-primary"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("from backup");
            assertThat(primary.seen()).isNotEmpty();
            assertThat(proxy.startOutput()).contains("warning: no general_settings.master_key is configured");
        }
    }

    @Test
    void mockTestingFallbacksSkipsThePrimaryEntirely() {
        try (FakeSpeechVendor primary = FakeSpeechVendor.openAi(OPENAI_KEY, "from primary");
             FakeSpeechVendor backup = FakeSpeechVendor.azure(AZURE_KEY, "from backup", "whisper-deployment");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-fallbacks.yaml"), Map.of(
                     "OPENAI_API_KEY", OPENAI_KEY, "OPENAI_API_BASE", primary.baseUrl(),
                     "AZURE_API_BASE", backup.baseUrl(), "AZURE_API_KEY", AZURE_KEY))) {
            var answer = postTranscription(proxy, "/v1/audio/transcriptions", null, Examples.audio(),
                    fields("model", "whisper-primary", "mock_testing_fallbacks", "True"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("from backup");
            assertThat(primary.requestCount()).isZero();
            assertThat(backup.seen()).hasSize(1);
        }
    }

    @Test
    void configWithAMissingEnvironmentVariableFailsAtStartNamingIt() {
        assertThatThrownBy(() -> RunningProxy.start(Examples.config("whisper-openai-azure.yaml"),
                Map.of("OPENAI_API_KEY", OPENAI_KEY, "AZURE_EUROPE_API_KEY", AZURE_KEY)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("whisper-openai-azure.yaml:")
                .hasMessageContaining("AZURE_EUROPE_API_BASE")
                .hasMessageContaining("api_base");
    }
}
