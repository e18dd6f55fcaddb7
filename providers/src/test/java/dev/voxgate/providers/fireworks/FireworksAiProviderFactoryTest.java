package dev.voxgate.providers.fireworks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.http.Endpoint;
import dev.voxgate.providers.http.KeyHeader;
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
import org.junit.jupiter.params.provider.ValueSource;

/** Fireworks AI's audio wire format, checked as strictly as Fireworks' server would, plus the provider contract. */
class FireworksAiProviderFactoryTest extends OpenAiCompatContractTest {

    private static final String PATH = "/v1/audio/transcriptions";

    @Override
    protected ProviderFactory factory() {
        return new FireworksAiProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "whisper", "fireworks_ai", "whisper-v3")
                .apiBase(root.resolve("/v1").toString())
                .apiKey(Secret.of(KEY));
    }

    @Override
    protected String errorBody(String message, String param) {
        return jsonOf(Map.of("error", fields("object", "error", "type", "invalid_request_error", "message", message,
                "param", param)));
    }

    @Override
    protected String transcriptBody(String text) {
        return "{\"text\":\"" + text + "\"}";
    }

    @Override
    protected Optional<Usage> transcriptUsage() {
        return Optional.empty();
    }

    @Override
    protected Optional<SentExtra> acceptedExtra() {
        return Optional.of(new SentExtra("vad_model", "whisperx-pyannet", "vad_model"));
    }

    @Test
    void sendsTimestampGranularitiesAsOneCommaJoinedField() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().language("de").prompt("Voxgate.").temperature(0.4)
                .responseFormat(ResponseFormat.VERBOSE_JSON)
                .timestampGranularities(List.of(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)).build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        RecordedForm form = RecordedForm.of(recorded);
        assertThat(form.names()).containsExactly("file", "model", "language", "prompt", "response_format",
                "temperature", "timestamp_granularities");
        assertThat(form.file().body().toByteArray()).isEqualTo(AUDIO);
        assertThat(form.value("model")).isEqualTo("whisper-v3");
        assertThat(form.value("temperature")).isEqualTo("0.4");
        assertThat(form.value("timestamp_granularities")).isEqualTo("word,segment");
    }

    @Test
    void diarizationAndModelExtrasAreSentAsTextFields() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        Deployment deployment = deployment().param("diarize", "true").param("min_speakers", "2")
                .param("max_speakers", "4").param("alignment_model", "mms_fa").build();

        connect(deployment).transcribe(request().providerParam("preprocessing", "soft_dynamic").build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model", "response_format", "alignment_model", "diarize",
                "max_speakers", "min_speakers", "preprocessing");
        assertThat(form.value("diarize")).isEqualTo("true");
        assertThat(form.value("min_speakers")).isEqualTo("2");
        assertThat(form.value("max_speakers")).isEqualTo("4");
        assertThat(form.value("alignment_model")).isEqualTo("mms_fa");
        assertThat(form.value("preprocessing")).isEqualTo("soft_dynamic");
    }

    @Test
    void diarizedVerboseJsonKeepsSpeakersAndWordProbabilities() {
        server.enqueue(json(200, """
                {"task":"transcribe","language":"en","duration":3.2,"text":"Hi. Hello.",
                 "words":[{"word":"Hi.","language":"en","probability":0.98,"hallucination_score":0.0,
                           "start":0.1,"end":0.5,"speaker_id":"0"},
                          {"word":"Hello.","language":"en","probability":0.91,"hallucination_score":0.0,
                           "start":1.0,"end":1.6,"speaker_id":"1"}],
                 "segments":[{"id":0,"text":"Hi.","start":0.1,"end":0.5,"speaker_id":"0"},
                             {"id":1,"text":"Hello.","start":1.0,"end":1.6,"speaker_id":"1"}]}"""));

        Transcription transcription = connect(deployment().build())
                .transcribe(request().responseFormat(ResponseFormat.VERBOSE_JSON).build());

        assertThat(transcription.words()).containsExactly(
                new Word("Hi.", 0.1, 0.5, Optional.of("0"), Optional.of(0.98)),
                new Word("Hello.", 1.0, 1.6, Optional.of("1"), Optional.of(0.91)));
        assertThat(transcription.segments()).extracting(segment -> segment.speaker().orElseThrow())
                .containsExactly("0", "1");
        assertThat(transcription.durationSeconds()).contains(3.2);
    }

    @Test
    void diarizedJsonIsRefusedAsFireworksHasNoSuchFormat() {
        var thrown = failingCall(connect(deployment().build()),
                request().responseFormat(ResponseFormat.DIARIZED_JSON).build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("response_format", "fireworks_ai (deployment "
                + "'contract-1') does not produce diarized_json; it produces json, text, srt, vtt, verbose_json"));
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIREWORKS_AI_API_KEY", "FIREWORKS_API_KEY", "FIREWORKSAI_API_KEY", "FIREWORKS_AI_TOKEN"})
    void keyComesFromAnyOfFireworksVariables(String variable) throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().apiKey(null).build(), EnvironmentSource.of(Map.of(variable, "fw-from-env")))
                .transcribe(request().build());

        assertThat(takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer fw-from-env");
    }

    @Test
    void firstFireworksKeyVariableSetWins() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        EnvironmentSource environment = EnvironmentSource.of(Map.of("FIREWORKS_AI_TOKEN", "fw-token",
                "FIREWORKS_API_KEY", "fw-api-key", "FIREWORKSAI_API_KEY", "fw-ai-key"));

        connect(deployment().apiKey(null).build(), environment).transcribe(request().build());

        assertThat(takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer fw-api-key");
    }

    @Test
    void baseComesFromFireworksAiApiBaseBeforeFireworksApiBase() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        EnvironmentSource environment = EnvironmentSource.of(Map.of("FIREWORKS_AI_API_BASE",
                server.url("/v1").toString(), "FIREWORKS_API_BASE", "http://127.0.0.1:9/wrong"));

        connect(deployment().apiBase(null).build(), environment).transcribe(request().build());

        assertThat(takeRequest().getTarget()).isEqualTo(PATH);
    }

    @Test
    void fireworksWithoutAKeyFailsNamingEveryVariable() {
        var thrown = failingCall(connect(deployment().apiKey(null).build()), request().build());

        assertThat(thrown.failure()).isEqualTo(new AuthenticationFailed("no API key for deployment 'contract-1': "
                + "set litellm_params.api_key or FIREWORKS_AI_API_KEY or FIREWORKS_API_KEY or FIREWORKSAI_API_KEY "
                + "or FIREWORKS_AI_TOKEN"));
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "https://audio-prod.api.fireworks.ai/v1, whisper-v3, https://audio-prod.api.fireworks.ai/v1/audio/transcriptions",
        "https://audio-prod.api.fireworks.ai/v1, whisper-v3-turbo, "
                + "https://audio-turbo.api.fireworks.ai/v1/audio/transcriptions",
        "https://fw.example.com/v1, whisper-v3-turbo, https://fw.example.com/v1/audio/transcriptions"})
    void turboModelOnTheDefaultHostIsSentToTheTurboHost(String base, String model, String url) {
        Deployment deployment = Deployment.builder("f1", "whisper", "fireworks_ai", model).build();

        Endpoint.Ready endpoint = new Endpoint.Ready(HttpUrl.get(base), Optional.empty(), KeyHeader.bearer(),
                Optional.empty(), Map.of());

        assertThat(FireworksAiProviderFactory.transcriptionsUrl(endpoint, deployment)).isEqualTo(HttpUrl.get(url));
        assertThat(FireworksAiProviderFactory.DEFAULT_API_BASE).isEqualTo("https://audio-prod.api.fireworks.ai/v1");
    }
}
