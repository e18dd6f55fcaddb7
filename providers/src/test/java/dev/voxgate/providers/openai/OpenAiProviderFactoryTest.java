package dev.voxgate.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.openaicompat.OpenAiCompatContractTest;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenAI's wire format, checked as strictly as OpenAI's server would, plus the provider contract. */
class OpenAiProviderFactoryTest extends OpenAiCompatContractTest {

    @Override
    protected ProviderFactory factory() {
        return new OpenAiProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "whisper", "openai", "whisper-1")
                .apiBase(root.resolve("/v1").toString())
                .apiKey(Secret.of(KEY));
    }

    @Override
    protected String errorBody(String message, String param) {
        return jsonOf(Map.of("error", fields("message", message, "type", "invalid_request_error", "param", param,
                "code", null)));
    }

    @Override
    protected Optional<SentExtra> acceptedExtra() {
        // whisper-1's one extra; include[] is the gpt-4o models'.
        return Optional.of(new SentExtra("chunking_strategy", "auto", "chunking_strategy"));
    }

    private String base() {
        return server.url("/v1").toString();
    }

    @Test
    void sendsEveryFieldAsOpenAiMultipartWithABearerKey() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().build()).transcribe(request().language("en").prompt("Voxgate, Whisper.")
                .responseFormat(ResponseFormat.VERBOSE_JSON).temperature(0.2)
                .timestampGranularities(List.of(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)).build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo("/v1/audio/transcriptions");
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(recorded.getHeaders().get("OpenAI-Organization")).isNull();
        RecordedForm form = RecordedForm.of(recorded);
        assertThat(form.names()).containsExactly("file", "model", "language", "prompt", "response_format",
                "temperature", "timestamp_granularities[]", "timestamp_granularities[]");
        assertThat(form.file().filename()).contains("speech.wav");
        assertThat(form.file().contentType()).contains("audio/wav");
        assertThat(form.file().body().toByteArray()).isEqualTo(AUDIO);
        assertThat(form.value("model")).isEqualTo("whisper-1");
        assertThat(form.value("language")).isEqualTo("en");
        assertThat(form.value("prompt")).isEqualTo("Voxgate, Whisper.");
        assertThat(form.value("response_format")).isEqualTo("verbose_json");
        assertThat(form.value("temperature")).isEqualTo("0.2");
        assertThat(form.values("timestamp_granularities[]")).containsExactly("word", "segment");
    }

    @Test
    void sendsOnlyTheFieldsThatArePresent() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().build()).transcribe(request().build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model", "response_format");
        assertThat(form.value("response_format")).isEqualTo("json");
    }

    @ParameterizedTest
    @CsvSource({"0.0, 0", "1.0, 1", "0.00001, 0.00001", "0.35, 0.35"})
    void temperatureIsSentAsAPlainDecimal(double temperature, String sent) throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().build()).transcribe(request().temperature(temperature).build());

        assertThat(RecordedForm.of(takeRequest()).value("temperature")).isEqualTo(sent);
    }

    @Test
    void extraParametersFollowAndTheRequestsWinOverTheDeployments() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));
        Deployment deployment = Deployment.builder(DEPLOYMENT_ID, "transcribe", "openai", "gpt-4o-transcribe")
                .apiBase(base()).apiKey(Secret.of(KEY))
                .param("chunking_strategy", "auto").param("include[]", "logprobs").build();

        connect(deployment).transcribe(request().providerParam("chunking_strategy", "server_vad").build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.value("chunking_strategy")).isEqualTo("server_vad");
        assertThat(form.value("include[]")).isEqualTo("logprobs");
    }

    @Test
    void chunkingStrategyMapFromTheConfigIsSentAsOnePartPerKey() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));
        Map<String, String> vad = new LinkedHashMap<>();
        vad.put("type", "server_vad");
        vad.put("prefix_padding_ms", "300");
        vad.put("silence_duration_ms", "200");
        vad.put("threshold", "0.5");
        Deployment deployment = Deployment.builder(DEPLOYMENT_ID, "transcribe", "openai", "gpt-4o-transcribe-diarize")
                .apiBase(base()).apiKey(Secret.of(KEY)).param("chunking_strategy", ParamValue.fields(vad))
                .param("known_speaker_names", ParamValue.values(List.of("agent", "customer"))).build();

        connect(deployment).transcribe(request().responseFormat(ResponseFormat.DIARIZED_JSON).build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model", "response_format", "chunking_strategy[type]",
                "chunking_strategy[prefix_padding_ms]", "chunking_strategy[silence_duration_ms]",
                "chunking_strategy[threshold]", "known_speaker_names[]", "known_speaker_names[]");
        assertThat(form.value("chunking_strategy[silence_duration_ms]")).isEqualTo("200");
        assertThat(form.values("known_speaker_names[]")).containsExactly("agent", "customer");
    }

    @Test
    void aListForChunkingStrategyIsRefusedBeforeAnyCall() {
        var thrown = failingCall(connect(deployment().build()), request()
                .providerParam("chunking_strategy", ParamValue.values(List.of("auto", "server_vad"))).build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("chunking_strategy", "parameter "
                + "'chunking_strategy' of provider openai (deployment 'contract-1') takes a text or a map, not a list"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void nestedChunkingStrategyFieldsAreTakenAndSentAsGiven() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));
        Deployment deployment = deployment().param("chunking_strategy[type]", "server_vad")
                .param("chunking_strategy[threshold]", "0.5").build();

        connect(deployment).transcribe(request().build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.value("chunking_strategy[type]")).isEqualTo("server_vad");
        assertThat(form.value("chunking_strategy[threshold]")).isEqualTo("0.5");
    }

    @Test
    void extraParametersNeverReplaceTheCallersFields() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));
        Deployment deployment = deployment().param("model", "gpt-4o-transcribe").build();

        connect(deployment).transcribe(request().providerParam("response_format", "srt").build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.value("model")).isEqualTo("whisper-1");
        assertThat(form.value("response_format")).isEqualTo("json");
    }

    @Test
    void apiBaseComesFromOpenAiBaseUrlBeforeOpenAiApiBase() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));
        EnvironmentSource environment = EnvironmentSource.of(Map.of(
                "OPENAI_BASE_URL", base(), "OPENAI_API_BASE", "http://127.0.0.1:9/wrong"));

        connect(deployment().apiBase(null).build(), environment).transcribe(request().build());

        assertThat(takeRequest().getTarget()).isEqualTo("/v1/audio/transcriptions");
    }

    @Test
    void apiBaseFallsBackToOpenAiApiBase() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().apiBase(null).build(), EnvironmentSource.of(Map.of("OPENAI_API_BASE", base() + "/")))
                .transcribe(request().build());

        assertThat(takeRequest().getTarget()).isEqualTo("/v1/audio/transcriptions");
    }

    @Test
    void deploymentApiBaseWinsOverTheEnvironment() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().build(), EnvironmentSource.of(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:9/wrong")))
                .transcribe(request().build());

        assertThat(takeRequest().getTarget()).isEqualTo("/v1/audio/transcriptions");
    }

    @Test
    void keyAndOrganizationComeFromTheEnvironmentWhenTheDeploymentHasNoKey() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));
        EnvironmentSource environment = EnvironmentSource.of(Map.of(
                "OPENAI_API_KEY", "sk-from-env", "OPENAI_ORGANIZATION", "org-voxgate"));

        connect(deployment().apiKey(null).build(), environment).transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer sk-from-env");
        assertThat(recorded.getHeaders().get("OpenAI-Organization")).isEqualTo("org-voxgate");
    }

    @Test
    void deploymentKeyWinsOverTheEnvironment() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().build(), EnvironmentSource.of(Map.of("OPENAI_API_KEY", "sk-from-env")))
                .transcribe(request().build());

        assertThat(takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void openAiItselfWithoutAKeyFailsEveryCallWithoutSendingIt() {
        TranscriptionPort port = connect(deployment().apiBase(null).apiKey(null).build());

        for (int call = 0; call < 2; call++) {
            assertThat(failingCall(port, request().build()).failure()).isEqualTo(new AuthenticationFailed(
                    "no API key for deployment 'contract-1': set litellm_params.api_key or OPENAI_API_KEY"));
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void selfHostedServerWithoutAKeyIsCalledWithoutAuthorization() throws Exception {
        server.enqueue(json(200, "{\"text\":\"hi\"}"));

        connect(deployment().apiKey(null).build()).transcribe(request().build());

        assertThat(takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void apiBaseThatIsNotAUrlFailsWithoutRepeatingIt() {
        TranscriptionPort port = connect(deployment().apiBase("user:hunter2@nowhere").build());

        assertThat(failingCall(port, request().build()).failure()).isEqualTo(InvalidRequest.of(
                "the api_base of deployment 'contract-1' is not an http(s) URL"));
    }

    @Test
    void verboseJsonIsFullyMapped() {
        server.enqueue(json(200, """
                {"task":"transcribe","language":"english","duration":8.470000267028809,
                 "text":"The beach was a popular spot on a hot summer day.",
                 "segments":[{"id":0,"seek":0,"start":0.0,"end":3.319999933242798,
                   "text":" The beach was a popular spot on a hot summer day.",
                   "tokens":[50364,440,7534,390],"temperature":0.0,"avg_logprob":-0.2860786020755768,
                   "compression_ratio":1.2363636493682861,"no_speech_prob":0.00985979475080967}],
                 "words":[{"word":"The","start":0.0,"end":0.24},{"word":"beach","start":0.24,"end":0.62}],
                 "usage":{"type":"duration","seconds":9}}"""));

        Transcription transcription = connect(deployment().build())
                .transcribe(request().responseFormat(ResponseFormat.VERBOSE_JSON).build());

        assertThat(transcription).isEqualTo(new Transcription("The beach was a popular spot on a hot summer day.",
                Optional.of("english"), Optional.of(8.470000267028809),
                List.of(new Segment(0, 0.0, 3.319999933242798, " The beach was a popular spot on a hot summer day.",
                        Optional.empty(), Optional.of(0), List.of(50364, 440, 7534, 390), Optional.of(0.0),
                        Optional.of(-0.2860786020755768), Optional.of(1.2363636493682861),
                        Optional.of(0.00985979475080967))),
                List.of(Word.of("The", 0.0, 0.24), Word.of("beach", 0.24, 0.62)),
                Optional.of(new Usage.Duration(9)), Optional.empty()));
    }
}
