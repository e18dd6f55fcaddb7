package dev.voxgate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.router.CallOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one-call options are the core request and the router's call options, composed, not copied. */
class TranscriptionOptionsTest {

    private static final AudioInput AUDIO = AudioInput.of("a.wav", new byte[] {1, 2, 3});

    @Test
    void requestStepsRunOnTheCoreBuilderInTheOrderTheyWereAdded() {
        TranscriptionOptions options = TranscriptionOptions.builder()
                .request(request -> request.language("de").prompt("first"))
                .request(request -> request.prompt("second").responseFormat(ResponseFormat.VERBOSE_JSON)
                        .timestampGranularities(List.of(TimestampGranularity.WORD)).providerParam("diarize", "true"))
                .build();

        TranscriptionRequest request = options.request("openai/whisper-1", AUDIO);

        assertThat(request).isEqualTo(TranscriptionRequest.builder("openai/whisper-1", AUDIO).language("de")
                .prompt("second").responseFormat(ResponseFormat.VERBOSE_JSON)
                .timestampGranularities(List.of(TimestampGranularity.WORD))
                .providerParam("diarize", new ParamValue.Text("true")).build());
    }

    @Test
    void callStepsBuildTheRoutersCallOptions() {
        TranscriptionOptions options = TranscriptionOptions.builder()
                .call(call -> call.fallbacks(List.of("azure/whisper-eu")).numRetries(1))
                .call(call -> call.timeout(Duration.ofSeconds(30)).mockTestingFallbacks(true))
                .build();

        assertThat(options.call()).isEqualTo(CallOptions.builder().fallbacks(List.of("azure/whisper-eu"))
                .numRetries(1).timeout(Duration.ofSeconds(30)).mockTestingFallbacks(true).build());
    }

    @Test
    void apiKeyBaseAndVersionAreTheCallsCredentialsAndNeverPrinted() {
        TranscriptionOptions options = TranscriptionOptions.builder()
                .apiVersion("2024-10-21").apiBase("https://mine.example/v1").apiKey("sk-mine-0123456789")
                .build();

        assertThat(options.call().credentials()).isEqualTo(new CallerCredentials(
                Optional.of(Secret.of("sk-mine-0123456789")), Optional.of("https://mine.example/v1"),
                Optional.of("2024-10-21")));
        assertThat(options.call().toString()).doesNotContain("sk-mine-0123456789");
    }

    @Test
    void aBaseOrVersionWithoutAKeyIsRefusedOnApiKey() {
        for (TranscriptionOptions.Builder builder : List.of(TranscriptionOptions.builder().apiBase("https://x/v1"),
                TranscriptionOptions.builder().apiVersion("2024-10-21"))) {
            assertThatThrownBy(builder::build).isInstanceOfSatisfying(TranscriptionException.class, e ->
                    assertThat(e.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                            invalid -> assertThat(invalid.param()).contains("api_key")));
        }
    }

    @Test
    void defaultsAskForJsonWithNoCredentialsOnTheProcessEnvironmentAndTheBuiltIns() {
        TranscriptionOptions defaults = TranscriptionOptions.defaults();

        assertThat(defaults.request("whisper-1", AUDIO)).isEqualTo(TranscriptionRequest.builder("whisper-1", AUDIO)
                .build());
        assertThat(defaults.call()).isEqualTo(CallOptions.defaults());
        assertThat(defaults.environment()).isSameAs(TranscriptionOptions.builder().build().environment());
        assertThat(defaults.catalog()).isSameAs(TranscriptionOptions.builder().build().catalog());
        assertThat(defaults.catalog().providerIds()).isEqualTo(ProviderCatalog.builtIn().providerIds());
    }

    @Test
    void environmentAndCatalogAreTheOnesGiven() {
        EnvironmentSource environment = EnvironmentSource.of(Map.of());
        ProviderCatalog catalog = ProviderCatalog.builtIn();

        TranscriptionOptions options = TranscriptionOptions.builder().environment(environment).catalog(catalog).build();

        assertThat(options.environment()).isSameAs(environment);
        assertThat(options.catalog()).isSameAs(catalog);
    }
}
