package dev.voxgate.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.providers.CapabilityProbe;
import dev.voxgate.providers.ProviderTestBase;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.spi.ProviderFactory;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Azure deployments named after an OpenAI model follow that model's rules; others keep Azure's defaults. */
class AzureModelCapabilitiesTest extends ProviderTestBase {

    private String name = "azure-whisper";

    @Override
    protected ProviderFactory factory() {
        return new AzureProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "transcribe", "azure", name)
                .apiBase(root.toString())
                .apiKey(Secret.of(KEY));
    }

    @Override
    protected String errorBody(String message, String param) {
        return "{\"error\":{\"code\":\"BadRequest\",\"message\":\"" + message + "\"}}";
    }

    private Capabilities declaredBy(String deploymentName) {
        name = deploymentName;
        return connect(deployment().build()).capabilities();
    }

    private static MockResponse answerIn(ResponseFormat format) {
        return format.isText() ? text(200, "text/plain; charset=utf-8", "hi") : json(200, "{\"text\":\"hi\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"azure-whisper", "whisper-1-eu", "prod-gpt-4o-transcribe", "gpt-transcribe"})
    void everyDeploymentServesExactlyWhatItDeclares(String deploymentName) {
        name = deploymentName;
        CapabilityProbe probe = new CapabilityProbe(connect(deployment().build()), server,
                AzureModelCapabilitiesTest::answerIn, ProviderTestBase::request);

        probe.formatsAgree();
        probe.standardFieldsAgree();
        probe.translationAgrees();
        probe.streamingAgrees();
    }

    @Test
    void deploymentNamedFreelyStreamsAndTakesEveryFormatAsBefore() {
        assertThat(declaredBy("azure-whisper")).isEqualTo(Capabilities.builder().translation(true).streaming(true)
                .nativeFormats(EnumSet.allOf(ResponseFormat.class)).wordTimestamps(true).segmentTimestamps(true)
                .diarization(true)
                .paramTypes(Map.of("language", ParamType.TEXT, "prompt", ParamType.TEXT,
                        "temperature", ParamType.NUMBER, "timestamp_granularities", ParamType.LIST,
                        "include", ParamType.LIST, "chunking_strategy", ParamType.TEXT_OR_MAP,
                        "known_speaker_names", ParamType.LIST, "known_speaker_references", ParamType.LIST)).build());
    }

    @Test
    void deploymentNamedAfterWhisper1DeclaresWhisper1sAbilities() {
        assertThat(declaredBy("whisper-1-eu")).isEqualTo(Capabilities.builder().translation(true)
                .nativeFormats(OpenAiCompatProfile.WHISPER_FORMATS).wordTimestamps(true).segmentTimestamps(true)
                .maxUploadBytes(26_214_400L)
                .paramTypes(Map.of("language", ParamType.TEXT, "prompt", ParamType.TEXT, "temperature", ParamType.NUMBER,
                        "timestamp_granularities", ParamType.LIST, "chunking_strategy", ParamType.TEXT_OR_MAP))
                .build());
    }

    @Test
    void gptTranscribeDeploymentSendsTheCallersLanguageAsLanguages() throws Exception {
        name = "gpt-transcribe";
        server.enqueue(json(200, "{\"text\":\"hi\",\"languages\":[\"en\"]}"));

        var transcription = connect(deployment().build()).transcribe(request().language("en").build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model", "response_format", "languages[]");
        assertThat(form.value("languages[]")).isEqualTo("en");
        assertThat(transcription.languages()).containsExactly("en");
    }

    @Test
    void shutdownDateIsKnownFromTheDeploymentNameWhenItNamesTheModel() {
        assertThat(AzureProviderFactory.shutdownDate("prod-gpt-4o-transcribe")).contains(LocalDate.of(2027, 2, 26));
        assertThat(AzureProviderFactory.shutdownDate("azure-whisper")).isEmpty();
    }
}
