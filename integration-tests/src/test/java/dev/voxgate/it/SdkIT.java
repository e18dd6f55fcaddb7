package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.CallOptions;
import dev.voxgate.router.Router;
import dev.voxgate.router.RouterSettings;
import dev.voxgate.sdk.TranscriptionOptions;
import dev.voxgate.sdk.Voxgate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The SDK's calls as LiteLLM's guide makes them in Python, against loopback fakes. */
class SdkIT {

    private static final String OPENAI_KEY = "sk-sdk-test-0123456789";
    private static final String AZURE_KEY = "azure-sdk-test-0123456789";

    @Test
    void oneCallTranscriptionReadsKeyAndBaseFromTheEnvironment() {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "hello from openai")) {
            TranscriptionOptions options = TranscriptionOptions.builder()
                    .environment(EnvironmentSource.of(Map.of("OPENAI_API_KEY", OPENAI_KEY,
                            "OPENAI_API_BASE", openAi.baseUrl())))
                    .build();

            Transcription transcription = Voxgate.transcription("openai/whisper-1", Examples.audio(), options);

            assertThat(transcription.text()).isEqualTo("hello from openai");
            assertThat(openAi.seen().getFirst().fields()).containsEntry("model", List.of("whisper-1"))
                    .containsEntry("response_format", List.of("json"));
        }
    }

    @Test
    void oneCallTranscriptionFallsBackWhenThePrimaryFails() {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "unused");
             FakeSpeechVendor azure = FakeSpeechVendor.azure(AZURE_KEY, "hello from azure", "whisper-eu")) {
            openAi.failWith(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
            TranscriptionOptions options = TranscriptionOptions.builder()
                    .environment(EnvironmentSource.of(Map.of("OPENAI_API_KEY", OPENAI_KEY,
                            "OPENAI_API_BASE", openAi.baseUrl(), "AZURE_API_KEY", AZURE_KEY,
                            "AZURE_API_BASE", azure.baseUrl(), "AZURE_API_VERSION", "2024-10-21")))
                    .call(call -> call.fallbacks(List.of("azure/whisper-eu")).numRetries(0))
                    .build();

            Transcription transcription = Voxgate.transcription("openai/whisper-1", Examples.audio(), options);

            assertThat(transcription.text()).isEqualTo("hello from azure");
            assertThat(openAi.seen()).hasSize(1);
            assertThat(azure.seen().getFirst().target())
                    .isEqualTo("/openai/deployments/whisper-eu/audio/transcriptions?api-version=2024-10-21");
        }
    }

    @Test
    void oneCallTranscriptionWithoutWorkingFallbackReportsTheFailureKind() {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi("sk-some-other-key", "unused")) {
            TranscriptionOptions options = TranscriptionOptions.builder()
                    .apiKey(OPENAI_KEY)
                    .apiBase(openAi.baseUrl())
                    .environment(EnvironmentSource.of(Map.of()))
                    .build();

            assertThatThrownBy(() -> Voxgate.transcription("whisper-1", Examples.audio(), options))
                    .isInstanceOfSatisfying(TranscriptionException.class, e -> assertThat(e.failure())
                            .isInstanceOf(TranscriptionFailure.AuthenticationFailed.class))
                    .hasMessageNotContaining(OPENAI_KEY);
        }
    }

    @Test
    void routerConfiguredInCodeBalancesAndAnswersAsynchronously() throws Exception {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "balanced");
             FakeSpeechVendor azure = FakeSpeechVendor.azure(AZURE_KEY, "balanced", "azure-whisper")) {
            Router router = Voxgate.routerBuilder(EnvironmentSource.of(Map.of()))
                    .deployment(Voxgate.deployment("whisper", "whisper-1").apiKey(
                            Secret.of(OPENAI_KEY)).apiBase(openAi.baseUrl()).build())
                    .deployment(Voxgate.deployment("whisper", "azure/azure-whisper").apiKey(
                            Secret.of(AZURE_KEY)).apiBase(azure.baseUrl())
                            .apiVersion("2024-02-15-preview").build())
                    .settings(RouterSettings.builder().numRetries(1).build())
                    .build();
            TranscriptionRequest request = TranscriptionRequest.builder("whisper", AudioInput.of(Examples.audio()))
                    .responseFormat(ResponseFormat.VERBOSE_JSON).build();

            for (int i = 0; i < 20; i++) {
                Transcription transcription = router.routeAsync(request, CallOptions.defaults()).get(30, TimeUnit.SECONDS).value();
                assertThat(transcription.text()).isEqualTo("balanced");
                assertThat(transcription.durationSeconds()).contains(5.92);
            }

            assertThat(openAi.seen()).isNotEmpty();
            assertThat(azure.seen()).isNotEmpty();
        }
    }
}
