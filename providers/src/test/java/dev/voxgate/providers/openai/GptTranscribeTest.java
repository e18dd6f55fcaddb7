package dev.voxgate.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.providers.ProviderTestBase;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** OpenAI's gpt-transcribe on the wire: languages[] instead of language, keywords[], no temperature or timings. */
class GptTranscribeTest extends ProviderTestBase {

    private static final String ANSWER = """
            {"text":"Voxgate routes speech.","languages":["en"],"usage":{"type":"duration","seconds":3}}""";

    @Override
    protected ProviderFactory factory() {
        return new OpenAiProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "transcribe", "openai", "gpt-transcribe")
                .apiBase(root.resolve("/v1").toString())
                .apiKey(Secret.of(KEY));
    }

    @Override
    protected String errorBody(String message, String param) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}";
    }

    private static String refusal(String param) {
        return "parameter '" + param + "' is not supported by provider openai (deployment 'contract-1'); remove it or "
                + "set drop_params: true";
    }

    @Test
    void callersLanguageArrivesAsLanguagesAndNeverAsLanguage() throws Exception {
        server.enqueue(json(200, ANSWER));

        connect(deployment().build()).transcribe(request().language("en").prompt("Voxgate").build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model", "prompt", "response_format", "languages[]");
        assertThat(form.value("model")).isEqualTo("gpt-transcribe");
        assertThat(form.value("languages[]")).isEqualTo("en");
        assertThat(form.values("language")).isEmpty();
    }

    @Test
    void keywordsAreSentAsRepeatedPartsAndTheCallersReplaceTheDeployments() throws Exception {
        server.enqueue(json(200, ANSWER));
        server.enqueue(json(200, ANSWER));
        Deployment deployment = deployment().param("keywords[]", "Voxgate").param("keywords[]", "Kubernetes")
                .param("languages", "en").build();

        connect(deployment).transcribe(request().build());
        connect(deployment).transcribe(request().providerParam("keywords[]", "Whisper")
                .providerParam("keywords[]", "Deepgram").build());

        RecordedForm configured = RecordedForm.of(takeRequest());
        assertThat(configured.names()).containsExactly("file", "model", "response_format", "keywords[]",
                "keywords[]", "languages[]");
        assertThat(configured.values("keywords[]")).containsExactly("Voxgate", "Kubernetes");
        assertThat(configured.value("languages[]")).isEqualTo("en");
        assertThat(RecordedForm.of(takeRequest()).values("keywords[]")).containsExactly("Whisper", "Deepgram");
    }

    @Test
    void listsFromTheConfigAreSentAsRepeatedPartsWithEveryValue() throws Exception {
        server.enqueue(json(200, ANSWER));
        Deployment deployment = deployment().param("keywords", ParamValue.values(List.of("Voxgate", "Kubernetes",
                "Deepgram"))).param("languages", ParamValue.values(List.of("en", "de"))).build();

        connect(deployment).transcribe(request().build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model", "response_format", "keywords[]", "keywords[]",
                "keywords[]", "languages[]", "languages[]");
        assertThat(form.values("keywords[]")).containsExactly("Voxgate", "Kubernetes", "Deepgram");
        assertThat(form.values("languages[]")).containsExactly("en", "de");
    }

    @Test
    void aMapForKeywordsIsRefusedBeforeAnyCallWhateverDropParamsSays() {
        var thrown = failingCall(connect(deployment().dropParams(true).build()),
                request().providerParam("keywords", ParamValue.fields(Map.of("term", "Voxgate"))).build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("keywords", "parameter 'keywords' of provider "
                + "openai (deployment 'contract-1') takes a list, not a map"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void callersLanguageReplacesTheDeploymentsLanguages() throws Exception {
        server.enqueue(json(200, ANSWER));

        connect(deployment().param("languages[]", "en").build()).transcribe(request().language("fr").build());

        assertThat(RecordedForm.of(takeRequest()).values("languages[]")).containsExactly("fr");
    }

    @Test
    void languageAndLanguagesFromTheCallerTogetherAreRefusedBeforeAnyCall() {
        var thrown = failingCall(connect(deployment().build()),
                request().language("en").providerParam("languages[]", "fr").build());

        assertThat(thrown.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                invalid -> assertThat(invalid.param()).contains("language"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void temperatureIsRefusedBeforeAnyCall() {
        var thrown = failingCall(connect(deployment().build()), request().temperature(0.2).build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("temperature", refusal("temperature")));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void timestampGranularitiesAreRefusedBeforeAnyCall() {
        var thrown = failingCall(connect(deployment().build()),
                request().timestampGranularities(List.of(TimestampGranularity.WORD)).build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("timestamp_granularities",
                refusal("timestamp_granularities")));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void temperatureAndGranularitiesAreDroppedWhenTheDeploymentDropsParams() throws Exception {
        server.enqueue(json(200, ANSWER));

        connect(deployment().dropParams(true).build()).transcribe(request().temperature(0.2).language("en")
                .timestampGranularities(List.of(TimestampGranularity.SEGMENT)).providerParam("temperature", "0.3")
                .build());

        assertThat(RecordedForm.of(takeRequest()).names()).containsExactly("file", "model", "response_format",
                "languages[]");
    }

    @Test
    void detectedLanguagesOfTheAnswerAreRead() {
        server.enqueue(json(200, ANSWER));

        Transcription transcription = connect(deployment().build()).transcribe(request().build());

        assertThat(transcription).isEqualTo(new Transcription("Voxgate routes speech.", Optional.empty(),
                Optional.empty(), List.of(), List.of(), Optional.of(new Usage.Duration(3)), Optional.empty(),
                List.of("en")));
    }

    @Test
    void detectedLanguagesGivenAsObjectsWithACodeAreRead() {
        server.enqueue(json(200, "{\"text\":\"hola\",\"languages\":[{\"code\":\"es\"},{\"code\":\"en\"},{}]}"));

        assertThat(connect(deployment().build()).transcribe(request().build()).languages())
                .containsExactly("es", "en");
    }

    @Test
    void streamedTranscriptKeepsTheLanguagesOfItsDoneEvent() {
        server.enqueue(text(200, "text/event-stream", """
                data: {"type":"transcript.text.delta","delta":"Bonjour"}

                data: {"type":"transcript.text.done","text":"Bonjour","languages":["fr"]}

                """));
        List<String> deltas = new CopyOnWriteArrayList<>();

        Transcription transcription = connect(deployment().build())
                .transcribeStreaming(request().language("fr").build(), deltas::add);

        assertThat(deltas).containsExactly("Bonjour");
        assertThat(transcription.languages()).containsExactly("fr");
    }
}
