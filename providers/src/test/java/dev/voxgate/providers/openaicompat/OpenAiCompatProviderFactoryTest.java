package dev.voxgate.providers.openaicompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.KeyRequirement;
import dev.voxgate.providers.spi.ProviderContext;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A vendor added as nothing but a profile: what the profile controls. */
class OpenAiCompatProviderFactoryTest {

    private static final OpenAiCompatProfile SELF_HOSTED = OpenAiCompatProfile.builder(EndpointRules.builder("whispercpp")
                    .keyVariables("WHISPERCPP_API_KEY")
                    .baseVariables("WHISPERCPP_API_BASE")
                    .keyRequirement(KeyRequirement.NEVER)
                    .build())
            .responseFormats(Set.of(ResponseFormat.JSON, ResponseFormat.TEXT))
            .build();

    private final MockWebServer server = new MockWebServer();
    private final OpenAiCompatProviderFactory factory = new OpenAiCompatProviderFactory(SELF_HOSTED);

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TranscriptionPort connect(Map<String, String> environment) {
        Deployment deployment = Deployment.builder("w1", "whisper", "whispercpp", "ggml-base").build();
        return factory.create(deployment,
                new ProviderContext(ProviderCatalog.newHttpClient(), EnvironmentSource.of(environment)));
    }

    private static TranscriptionRequest.Builder request() {
        return TranscriptionRequest.builder("whisper", AudioInput.of("a.wav", new byte[] {1, 2, 3}));
    }

    @Test
    void profileWithoutAKeyRequirementCallsItsBaseWithoutAuthorization() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"text\":\"hi\"}").build());

        connect(Map.of("WHISPERCPP_API_BASE", server.url("/v1").toString())).transcribe(request().build());

        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getTarget()).isEqualTo("/v1/audio/transcriptions");
        assertThat(recorded.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void formatTheVendorCannotProduceFailsBeforeAnyCall() {
        TranscriptionPort port = connect(Map.of("WHISPERCPP_API_BASE", server.url("/v1").toString()));

        assertThatThrownBy(() -> port.transcribe(request().responseFormat(ResponseFormat.SRT).build()))
                .isInstanceOfSatisfying(TranscriptionException.class, thrown -> assertThat(thrown.failure())
                        .isEqualTo(InvalidRequest.ofParam("response_format",
                                "whispercpp (deployment 'w1') does not produce srt; it produces json, text")));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void profileWithoutADefaultBaseNeedsOne() {
        assertThatThrownBy(() -> connect(Map.of()).transcribe(request().build()))
                .isInstanceOfSatisfying(TranscriptionException.class, thrown -> assertThat(thrown.getMessage())
                        .isEqualTo("no api_base for deployment 'w1': set litellm_params.api_base"
                                + " or WHISPERCPP_API_BASE"));
    }

    @Test
    void deploymentOfAnotherProviderIsRefused() {
        Deployment azure = Deployment.builder("a1", "whisper", "azure", "whisper").build();
        ProviderContext context = new ProviderContext(ProviderCatalog.newHttpClient(), EnvironmentSource.of(Map.of()));

        assertThatThrownBy(() -> factory.create(azure, context)).isInstanceOf(IllegalArgumentException.class);
    }
}
