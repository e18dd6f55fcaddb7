package dev.voxgate.providers.groq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
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
import org.junit.jupiter.params.provider.EnumSource;

/** Groq's OpenAI-compatible wire format, checked as strictly as Groq's server would, plus the provider contract. */
class GroqProviderFactoryTest extends OpenAiCompatContractTest {

    private static final String PATH = "/openai/v1/audio/transcriptions";

    @Override
    protected ProviderFactory factory() {
        return new GroqProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "whisper", "groq", "whisper-large-v3")
                .apiBase(root.resolve("/openai/v1").toString())
                .apiKey(Secret.of(KEY));
    }

    /** Groq's envelope: OpenAI's, with {@code param} left out unless Groq blames one. */
    @Override
    protected String errorBody(String message, String param) {
        Map<String, Object> error = fields("message", message, "type", "invalid_request_error");
        if (param != null) {
            error.put("param", param);
        }
        return jsonOf(Map.of("error", error));
    }

    @Override
    protected String transcriptBody(String text) {
        return "{\"text\":\"" + text + "\",\"x_groq\":{\"id\":\"req_01jq6mvz9xfsr9bbm7yk5tb0y2\"}}";
    }

    @Override
    protected Optional<Usage> transcriptUsage() {
        return Optional.empty();
    }

    @Override
    protected boolean producesTextFormat(ResponseFormat format) {
        return format == ResponseFormat.TEXT;
    }

    @Override
    protected Optional<SentExtra> acceptedExtra() {
        return Optional.empty();
    }

    @Test
    void sendsOpenAisMultipartToGroqsPathWithABearerKey() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().language("en").prompt("Voxgate, Groq.").temperature(0.2)
                .responseFormat(ResponseFormat.VERBOSE_JSON)
                .timestampGranularities(List.of(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)).build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        RecordedForm form = RecordedForm.of(recorded);
        assertThat(form.names()).containsExactly("file", "model", "language", "prompt", "response_format",
                "temperature", "timestamp_granularities[]", "timestamp_granularities[]");
        assertThat(form.file().filename()).contains("speech.wav");
        assertThat(form.file().body().toByteArray()).isEqualTo(AUDIO);
        assertThat(form.value("model")).isEqualTo("whisper-large-v3");
        assertThat(form.value("response_format")).isEqualTo("verbose_json");
        assertThat(form.value("temperature")).isEqualTo("0.2");
        assertThat(form.values("timestamp_granularities[]")).containsExactly("word", "segment");
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = {"SRT", "VTT", "DIARIZED_JSON"})
    void formatsGroqDoesNotProduceAreRefusedBeforeAnyCall(ResponseFormat format) {
        TranscriptionPort port = connect(deployment().build());

        assertThat(failingCall(port, request().responseFormat(format).build()).failure()).isEqualTo(
                InvalidRequest.ofParam("response_format", "groq (deployment 'contract-1') does not produce "
                        + format.wireName() + "; it produces json, text, verbose_json"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void verboseJsonWithGroqsExtraObjectIsMapped() {
        server.enqueue(json(200, """
                {"task":"transcribe","language":"english","duration":2.5,"text":"Hello there.",
                 "segments":[{"id":0,"seek":0,"start":0.0,"end":2.5,"text":" Hello there.","tokens":[50365,2425],
                   "temperature":0.0,"avg_logprob":-0.21,"compression_ratio":0.8,"no_speech_prob":0.01}],
                 "words":[{"word":"Hello","start":0.0,"end":0.6},{"word":"there.","start":0.6,"end":1.1}],
                 "x_groq":{"id":"req_01jq6mvz9xfsr9bbm7yk5tb0y2"}}"""));

        Transcription transcription = connect(deployment().build())
                .transcribe(request().responseFormat(ResponseFormat.VERBOSE_JSON).build());

        assertThat(transcription.text()).isEqualTo("Hello there.");
        assertThat(transcription.language()).contains("english");
        assertThat(transcription.durationSeconds()).contains(2.5);
        assertThat(transcription.segments()).singleElement().satisfies(segment -> {
            assertThat(segment.text()).isEqualTo(" Hello there.");
            assertThat(segment.noSpeechProb()).contains(0.01);
        });
        assertThat(transcription.words()).containsExactly(Word.of("Hello", 0.0, 0.6), Word.of("there.", 0.6, 1.1));
    }

    @Test
    void promptOverGroqsLimitIsLeftToGroqWhoseRefusalIsAnInvalidRequest() throws Exception {
        String prompt = "v".repeat(897);
        server.enqueue(json(400, "{\"error\":{\"message\":\"prompt length must be 896 characters or fewer, but "
                + "provided prompt contains 897 characters\",\"type\":\"invalid_request_error\"}}"));

        var thrown = failingCall(connect(deployment().build()), request().prompt(prompt).build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.of("HTTP 400 from groq (deployment 'contract-1'): "
                + "prompt length must be 896 characters or fewer, but provided prompt contains 897 characters"));
        assertThat(RecordedForm.of(takeRequest()).value("prompt")).isEqualTo(prompt);
    }

    @Test
    void unknownModelIsReportedAsGroqsNotOpenAis() {
        server.enqueue(json(404, "{\"error\":{\"message\":\"The model `whisper-large-v9` does not exist or you do "
                + "not have access to it.\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}"));

        assertThat(failure()).isEqualTo(new ModelNotFound("HTTP 404 from groq (deployment 'contract-1'): The model "
                + "`whisper-large-v9` does not exist or you do not have access to it."));
    }

    @Test
    void urlIsNotAnExtraGroqTakesAlongsideTheFile() {
        var thrown = failingCall(connect(deployment().param("url", "https://example.com/a.wav").build()),
                request().build());

        assertThat(thrown.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                invalid -> assertThat(invalid.param()).contains("url"));
    }

    @Test
    void keyAndBaseComeFromGroqsEnvironmentVariables() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        EnvironmentSource environment = EnvironmentSource.of(Map.of(
                "GROQ_API_KEY", "gsk_from_env", "GROQ_API_BASE", server.url("/openai/v1").toString()));

        connect(deployment().apiBase(null).apiKey(null).build(), environment).transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer gsk_from_env");
    }

    @Test
    void groqWithoutAKeyFailsEveryCallWithoutSendingIt() {
        TranscriptionPort port = connect(deployment().apiKey(null).build());

        assertThat(failingCall(port, request().build()).failure()).isEqualTo(new AuthenticationFailed(
                "no API key for deployment 'contract-1': set litellm_params.api_key or GROQ_API_KEY"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void defaultBaseIsGroqsOpenAiCompatibleApi() {
        assertThat(GroqProviderFactory.DEFAULT_API_BASE).isEqualTo("https://api.groq.com/openai/v1");
    }
}
