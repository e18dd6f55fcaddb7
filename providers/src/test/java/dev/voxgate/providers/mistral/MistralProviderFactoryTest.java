package dev.voxgate.providers.mistral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.openaicompat.OpenAiCompatContractTest;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Mistral's Voxtral wire format, checked as strictly as Mistral's server would, plus the provider contract. */
class MistralProviderFactoryTest extends OpenAiCompatContractTest {

    private static final String PATH = "/v1/audio/transcriptions";
    private static final String DIARIZED = """
            {"model":"voxtral-mini-2507","text":"This week, we shipped. Great news.","language":"en",
             "segments":[
               {"type":"transcription_segment","text":"This week, we shipped.","start":0.8,"end":1.9,
                "speaker_id":"speaker_0"},
               {"type":"transcription_segment","text":"Great news.","start":2.1,"end":3.0,"speaker_id":null}],
             "usage":{"prompt_audio_seconds":203,"prompt_tokens":4,"total_tokens":3264,"completion_tokens":635}}""";

    @Override
    protected ProviderFactory factory() {
        return new MistralProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "voxtral", "mistral", "voxtral-mini-latest")
                .apiBase(root.resolve("/v1").toString())
                .apiKey(Secret.of(KEY));
    }

    /** Mistral's 400 envelope: the error's fields at the top level, with its numeric string code. */
    @Override
    protected String errorBody(String message, String param) {
        return jsonOf(fields("object", "error", "message", message, "type", "invalid_request_error", "param", param,
                "code", "1500"));
    }

    @Override
    protected String transcriptBody(String text) {
        return "{\"model\":\"voxtral-mini-2507\",\"text\":\"" + text + "\",\"language\":null,\"segments\":[],"
                + "\"usage\":{\"prompt_audio_seconds\":3,\"prompt_tokens\":4,\"total_tokens\":90,"
                + "\"completion_tokens\":12}}";
    }

    @Override
    protected Optional<Usage> transcriptUsage() {
        return Optional.of(new Usage.Duration(3));
    }

    @Override
    protected boolean producesTextFormat(ResponseFormat format) {
        return false;
    }

    @Override
    protected Optional<SentExtra> acceptedExtra() {
        return Optional.of(new SentExtra("context_bias", "Voxgate", "context_bias"));
    }

    @Test
    void sendsMistralsFormWithoutResponseFormatOrPrompt() throws Exception {
        server.enqueue(json(200, DIARIZED));

        connect(deployment().param("diarize", "true").build()).transcribe(request().language("en").temperature(0.2)
                .timestampGranularities(List.of(TimestampGranularity.SEGMENT, TimestampGranularity.WORD)).build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        RecordedForm form = RecordedForm.of(recorded);
        assertThat(form.names()).containsExactly("file", "model", "language", "temperature",
                "timestamp_granularities", "timestamp_granularities", "diarize");
        assertThat(form.file().filename()).contains("speech.wav");
        assertThat(form.file().body().toByteArray()).isEqualTo(AUDIO);
        assertThat(form.value("model")).isEqualTo("voxtral-mini-latest");
        assertThat(form.value("language")).isEqualTo("en");
        assertThat(form.value("temperature")).isEqualTo("0.2");
        assertThat(form.values("timestamp_granularities")).containsExactly("segment", "word");
        assertThat(form.value("diarize")).isEqualTo("true");
    }

    @Test
    void contextBiasListIsSentAsOnePartPerTermAndDiarizeLowerCase() throws Exception {
        server.enqueue(json(200, DIARIZED));
        Deployment deployment = deployment().param("context_bias", ParamValue.values(List.of("Voxgate", "Voxtral")))
                .param("diarize", "True").build();

        connect(deployment).transcribe(request().build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model", "context_bias", "context_bias", "diarize");
        assertThat(form.values("context_bias")).containsExactly("Voxgate", "Voxtral");
        assertThat(form.value("diarize")).isEqualTo("true");
    }

    @Test
    void promptIsRefusedBeforeAnyCallAsMistralTakesNone() {
        var thrown = failingCall(connect(deployment().build()), request().prompt("Voxgate, Voxtral.").build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("prompt", "parameter 'prompt' is not "
                + "supported by provider mistral (deployment 'contract-1'); remove it or set drop_params: true"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void promptIsDroppedWhenTheDeploymentDropsParams() throws Exception {
        server.enqueue(json(200, DIARIZED));

        connect(deployment().dropParams(true).build()).transcribe(request().prompt("Voxgate, Voxtral.").build());

        assertThat(RecordedForm.of(takeRequest()).names()).containsExactly("file", "model");
    }

    @Test
    void responseFormatGivenAsAParameterIsRefusedToo() {
        var thrown = failingCall(connect(deployment().build()),
                request().providerParam("response_format", "verbose_json").build());

        assertThat(thrown.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                invalid -> assertThat(invalid.param()).contains("response_format"));
    }

    @ParameterizedTest
    @CsvSource({"en, en", "english, en", "English, en", "French, fr", "Māori, mi", "maori, mi", "german, de",
        "pt, pt"})
    void languageIsSentAsAnIso6391Code(String given, String sent) throws Exception {
        server.enqueue(json(200, DIARIZED));

        connect(deployment().build()).transcribe(request().language(given).build());

        assertThat(RecordedForm.of(takeRequest()).value("language")).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"klingon", "eng", "en-US"})
    void languageThatIsNoIso6391CodeIsRefusedNamingTheField(String given) {
        var thrown = failingCall(connect(deployment().build()), request().language(given).build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("language", "mistral (deployment "
                + "'contract-1') takes an ISO-639-1 language code such as 'en'; '" + given + "' is neither such a "
                + "code nor the English name of a language that has one"));
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = {"VERBOSE_JSON", "SRT", "VTT"})
    void formatsRenderedFromSegmentsAskMistralForSegments(ResponseFormat format) throws Exception {
        server.enqueue(json(200, DIARIZED));

        Transcription transcription = connect(deployment().build())
                .transcribe(request().responseFormat(format).build());

        assertThat(RecordedForm.of(takeRequest()).names()).containsExactly("file", "model",
                "timestamp_granularities");
        assertThat(transcription.segments()).hasSize(2);
        assertThat(transcription.formattedBody()).isEmpty();
    }

    @Test
    void callersOwnGranularityIsKeptForASubtitleFormat() throws Exception {
        server.enqueue(json(200, DIARIZED));

        connect(deployment().build()).transcribe(request().responseFormat(ResponseFormat.SRT)
                .timestampGranularities(List.of(TimestampGranularity.WORD)).build());

        assertThat(RecordedForm.of(takeRequest()).values("timestamp_granularities")).containsExactly("word");
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = {"JSON", "TEXT"})
    void textAndJsonComeFromTheTranscriptWithoutAskingForSegments(ResponseFormat format) throws Exception {
        server.enqueue(json(200, DIARIZED));

        Transcription transcription = connect(deployment().build())
                .transcribe(request().responseFormat(format).build());

        assertThat(RecordedForm.of(takeRequest()).names()).containsExactly("file", "model");
        assertThat(transcription.text()).isEqualTo("This week, we shipped. Great news.");
        assertThat(transcription.formattedBody()).isEmpty();
    }

    @Test
    void diarizedAnswerIsMappedWithSpeakersDurationAndLanguage() {
        server.enqueue(json(200, DIARIZED));

        Transcription transcription = connect(deployment().build())
                .transcribe(request().responseFormat(ResponseFormat.VERBOSE_JSON).build());

        assertThat(transcription).isEqualTo(new Transcription("This week, we shipped. Great news.",
                Optional.of("en"), Optional.of(203.0),
                List.of(new Segment(0, 0.8, 1.9, "This week, we shipped.", Optional.of("speaker_0"), Optional.empty(),
                                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                        Segment.of(1, 2.1, 3.0, "Great news.")),
                List.of(), Optional.of(new Usage.Duration(203)), Optional.empty()));
    }

    @Test
    void diarizedJsonIsRefusedAsMistralHasNoSuchFormat() {
        var thrown = failingCall(connect(deployment().build()),
                request().responseFormat(ResponseFormat.DIARIZED_JSON).build());

        assertThat(thrown.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                invalid -> assertThat(invalid.param()).contains("response_format"));
    }

    @Test
    void segmentWithoutTimingIsAProtocolError() {
        server.enqueue(json(200, "{\"text\":\"a\",\"segments\":[{\"type\":\"transcription_segment\",\"text\":\"a\"}]}"));

        assertThat(failure().message()).endsWith("is not a readable transcription: segment 0 has no start or end");
    }

    @Test
    void mistralsInvalidModelErrorIsAnInvalidRequestWithItsMessage() {
        server.enqueue(json(400, "{\"object\":\"error\",\"message\":\"Invalid model: voxtral-small-latest\","
                + "\"type\":\"invalid_model\",\"param\":null,\"code\":\"1500\",\"raw_status_code\":400}"));

        assertThat(failure()).isEqualTo(InvalidRequest.of(
                "HTTP 400 from mistral (deployment 'contract-1'): Invalid model: voxtral-small-latest"));
    }

    @Test
    void mistralsUnauthorizedDetailIsAuthenticationFailed() {
        server.enqueue(json(401, "{\"detail\":\"Unauthorized\"}"));

        assertThat(failure()).isEqualTo(
                new AuthenticationFailed("HTTP 401 from mistral (deployment 'contract-1'): Unauthorized"));
    }

    @Test
    void keyAndBaseComeFromMistralsEnvironmentVariables() throws Exception {
        server.enqueue(json(200, DIARIZED));
        EnvironmentSource environment = EnvironmentSource.of(Map.of(
                "MISTRAL_API_KEY", "mistral-env-key", "MISTRAL_API_BASE", server.url("/v1").toString()));

        connect(deployment().apiBase(null).apiKey(null).build(), environment).transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer mistral-env-key");
        assertThat(MistralProviderFactory.DEFAULT_API_BASE).isEqualTo("https://api.mistral.ai/v1");
    }

    @Test
    void mistralCannotTranslateAndSaysSoBeforeAnyCall() {
        TranscriptionException refused = catchThrowableOfType(TranscriptionException.class,
                () -> connect(deployment().build()).translate(request().build()));

        assertThat(refused.failure()).isInstanceOfSatisfying(InvalidRequest.class, invalid -> {
            assertThat(invalid.param()).contains("model");
            assertThat(invalid.message()).contains("voxtral-mini-latest").contains("cannot translate");
        });
        assertThat(server.getRequestCount()).isZero();
    }
}
