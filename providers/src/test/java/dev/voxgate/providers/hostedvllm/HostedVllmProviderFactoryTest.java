package dev.voxgate.providers.hostedvllm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.openaicompat.OpenAiCompatContractTest;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** A self-hosted vLLM server's wire format, checked as strictly as vLLM would, plus the provider contract. */
class HostedVllmProviderFactoryTest extends OpenAiCompatContractTest {

    private static final String PATH = "/v1/audio/transcriptions";

    @Override
    protected ProviderFactory factory() {
        return new HostedVllmProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "whisper", "hosted_vllm", "openai/whisper-large-v3")
                .apiBase(root.resolve("/v1").toString())
                .apiKey(Secret.of(KEY));
    }

    /** vLLM's envelope: OpenAI's, with the HTTP status as the code. */
    @Override
    protected String errorBody(String message, String param) {
        return jsonOf(Map.of("error", fields("message", message, "type", "BadRequestError", "param", param,
                "code", 400)));
    }

    @Override
    protected Optional<SentExtra> acceptedExtra() {
        return Optional.of(new SentExtra("to_language", "de", "to_language"));
    }

    @Override
    protected boolean acceptsAnyExtra() {
        return true;
    }

    @Test
    void sendsOpenAisFormToTheServerWithTheKeyAsABearerToken() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().language("en").build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        RecordedForm form = RecordedForm.of(recorded);
        assertThat(form.names()).containsExactly("file", "model", "language", "response_format");
        assertThat(form.value("model")).isEqualTo("openai/whisper-large-v3");
    }

    @Test
    void serverWithoutAKeyIsCalledWithoutAuthorization() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().apiKey(null).build()).transcribe(request().build());

        assertThat(takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void keyAndBaseComeFromHostedVllmVariables() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        EnvironmentSource environment = EnvironmentSource.of(Map.of(
                "HOSTED_VLLM_API_KEY", "vllm-env-key", "HOSTED_VLLM_API_BASE", server.url("/v1").toString()));

        connect(deployment().apiBase(null).apiKey(null).build(), environment).transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer vllm-env-key");
    }

    @Test
    void withoutAnApiBaseEveryCallFailsNamingIt() {
        TranscriptionPort port = connect(deployment().apiBase(null).build());

        for (int call = 0; call < 2; call++) {
            assertThat(failingCall(port, request().build()).failure()).isEqualTo(InvalidRequest.of(
                    "no api_base for deployment 'contract-1': set litellm_params.api_base or HOSTED_VLLM_API_BASE"));
        }
    }

    @Test
    void verboseJsonWithAStringDurationAndNullNoSpeechProbIsRead() {
        server.enqueue(json(200, """
                {"text":"And so, my fellow Americans.","language":"en","duration":"30.0",
                 "segments":[{"id":0,"seek":0,"start":0.0,"end":2.4,"text":" And so, my fellow Americans.",
                   "tokens":[50365,400],"temperature":0.0,"avg_logprob":-0.3,"compression_ratio":1.1,
                   "no_speech_prob":null}],
                 "words":null,"usage":{"type":"duration","seconds":30}}"""));

        Transcription transcription = connect(deployment().build())
                .transcribe(request().responseFormat(ResponseFormat.VERBOSE_JSON).build());

        assertThat(transcription.durationSeconds()).contains(30.0);
        assertThat(transcription.segments()).singleElement()
                .satisfies(segment -> assertThat(segment.noSpeechProb()).isEmpty());
    }

    @Test
    void diarizedJsonIsRefusedAsVllmHasNoSuchFormat() {
        var thrown = failingCall(connect(deployment().build()),
                request().responseFormat(ResponseFormat.DIARIZED_JSON).build());

        assertThat(thrown.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                invalid -> assertThat(invalid.param()).contains("response_format"));
        assertThat(server.getRequestCount()).isZero();
    }
}
