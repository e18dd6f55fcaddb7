package dev.voxgate.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.providers.CapabilityProbe;
import dev.voxgate.providers.ProviderTestBase;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.spi.ProviderFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each OpenAI model declares it serves, and that the adapter serves exactly that. */
class OpenAiModelCapabilitiesTest extends ProviderTestBase {

    private static final long MAX_UPLOAD = 26_214_400L;
    private static final Set<ResponseFormat> JSON_AND_TEXT = EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT);

    /** The fields and parameters of OpenAI's endpoint over all its models, by kind. */
    static final Map<String, ParamType> EVERY_OPENAI_PARAM = Map.of("language", ParamType.TEXT,
            "prompt", ParamType.TEXT, "temperature", ParamType.NUMBER, "timestamp_granularities", ParamType.LIST,
            "include", ParamType.LIST, "chunking_strategy", ParamType.TEXT_OR_MAP,
            "known_speaker_names", ParamType.LIST, "known_speaker_references", ParamType.LIST);

    private String model = "whisper-1";

    @Override
    protected ProviderFactory factory() {
        return new OpenAiProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "transcribe", "openai", model)
                .apiBase(root.resolve("/v1").toString())
                .apiKey(Secret.of(KEY));
    }

    @Override
    protected String errorBody(String message, String param) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}";
    }

    private Capabilities declaredBy(String name) {
        model = name;
        return connect(deployment().build()).capabilities();
    }

    private static MockResponse answerIn(ResponseFormat format) {
        return format.isText() ? text(200, "text/plain; charset=utf-8", "hi") : json(200, "{\"text\":\"hi\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe",
            "gpt-4o-mini-transcribe-2025-12-15", "gpt-4o-transcribe-diarize", "gpt-transcribe", "ggml-base.en",
            "Systran/faster-whisper-small"})
    void everyModelServesExactlyWhatItDeclares(String name) {
        model = name;
        CapabilityProbe probe = new CapabilityProbe(connect(deployment().build()), server,
                OpenAiModelCapabilitiesTest::answerIn, ProviderTestBase::request);

        probe.formatsAgree();
        probe.standardFieldsAgree();
        probe.translationAgrees();
        probe.streamingAgrees();
    }

    @Test
    void whisper1WritesEveryWhisperFormatWithTimingsButDoesNotStream() {
        assertThat(declaredBy("whisper-1")).isEqualTo(Capabilities.builder().translation(true)
                .nativeFormats(OpenAiCompatProfile.WHISPER_FORMATS).wordTimestamps(true).segmentTimestamps(true)
                .maxUploadBytes(MAX_UPLOAD)
                .paramTypes(Map.of("language", ParamType.TEXT, "prompt", ParamType.TEXT, "temperature", ParamType.NUMBER,
                        "timestamp_granularities", ParamType.LIST, "chunking_strategy", ParamType.TEXT_OR_MAP))
                .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o-transcribe", "gpt-4o-mini-transcribe", "gpt-4o-mini-transcribe-2025-12-15"})
    void gpt4oModelsWriteJsonAndTextAndStreamWithoutTimings(String name) {
        assertThat(declaredBy(name)).isEqualTo(Capabilities.builder().translation(true).streaming(true)
                .nativeFormats(JSON_AND_TEXT).maxUploadBytes(MAX_UPLOAD)
                .paramTypes(Map.of("language", ParamType.TEXT, "prompt", ParamType.TEXT, "temperature", ParamType.NUMBER,
                        "include", ParamType.LIST, "chunking_strategy", ParamType.TEXT_OR_MAP)).build());
    }

    @Test
    void diarizingModelWritesDiarizedJsonWithoutPromptOrTimings() {
        assertThat(declaredBy("gpt-4o-transcribe-diarize")).isEqualTo(Capabilities.builder().translation(true)
                .streaming(true).nativeFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT,
                        ResponseFormat.DIARIZED_JSON))
                .diarization(true).maxUploadBytes(MAX_UPLOAD).maxAudio(Duration.ofSeconds(1400))
                .paramTypes(Map.of("language", ParamType.TEXT, "temperature", ParamType.NUMBER,
                        "chunking_strategy", ParamType.TEXT_OR_MAP, "known_speaker_names", ParamType.LIST,
                        "known_speaker_references", ParamType.LIST)).build());
    }

    @Test
    void gptTranscribeWritesJsonAndTextAndTakesKeywordsAndLanguagesButNoTemperatureOrTimings() {
        Capabilities declared = declaredBy("gpt-transcribe");

        assertThat(declared).isEqualTo(Capabilities.builder().translation(true).streaming(true)
                .nativeFormats(JSON_AND_TEXT).maxUploadBytes(MAX_UPLOAD)
                .paramTypes(Map.of("language", ParamType.TEXT, "prompt", ParamType.TEXT, "keywords", ParamType.LIST,
                        "languages", ParamType.LIST)).build());
        assertThat(declared.takes("keywords[]")).isTrue();
        assertThat(declared.takes("temperature")).isFalse();
    }

    @Test
    void unknownModelOfASelfHostedServerKeepsTodaysWhisperLikeDefaults() {
        assertThat(declaredBy("ggml-base.en")).isEqualTo(Capabilities.builder().translation(true).streaming(true)
                .nativeFormats(EnumSet.allOf(ResponseFormat.class)).wordTimestamps(true).segmentTimestamps(true)
                .diarization(true)
                .paramTypes(EVERY_OPENAI_PARAM).build());
        assertThat(declaredBy("whisper-large-v3").streaming()).isFalse();
    }

    @Test
    void theRetiringModelsShutDownOn26February2027() {
        LocalDate shutdown = LocalDate.of(2027, 2, 26);

        assertThat(OpenAiProviderFactory.shutdownDate("whisper-1")).contains(shutdown);
        assertThat(OpenAiProviderFactory.shutdownDate("gpt-4o-transcribe")).contains(shutdown);
        assertThat(OpenAiProviderFactory.shutdownDate("gpt-4o-mini-transcribe-2025-12-15")).contains(shutdown);
        assertThat(OpenAiProviderFactory.shutdownDate("gpt-4o-transcribe-diarize")).contains(shutdown);
    }

    @Test
    void gptTranscribeAndUnknownModelsHaveNoShutdownDate() {
        assertThat(OpenAiProviderFactory.shutdownDate("gpt-transcribe")).isEmpty();
        assertThat(OpenAiProviderFactory.shutdownDate("ggml-base.en")).isEmpty();
    }
}
