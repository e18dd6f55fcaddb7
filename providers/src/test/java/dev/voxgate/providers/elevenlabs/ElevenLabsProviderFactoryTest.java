package dev.voxgate.providers.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.voxgate.providers.ProviderContractTest;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ElevenLabs' speech-to-text wire format, checked as strictly as its API would, plus the provider contract. */
class ElevenLabsProviderFactoryTest extends ProviderContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/speech-to-text";

    @Override
    protected ProviderFactory factory() {
        return new ElevenLabsProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "transcribe", "elevenlabs", "scribe_v1")
                .apiBase(root.toString())
                .apiKey(Secret.of(KEY));
    }

    /** FastAPI's validation list when a field is to blame, else ElevenLabs' {@code detail} object. */
    @Override
    protected String errorBody(String message, String param) {
        Object detail = param == null ? Map.of("status", "invalid_request", "message", message)
                : List.of(Map.of("loc", List.of("body", param), "msg", message, "type", "value_error"));
        try {
            return JSON.writeValueAsString(Map.of("detail", detail));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String transcriptBody(String text) {
        return """
                {"language_code":"eng","language_probability":0.98,"text":"%s","words":[],\
                "transcription_id":"pC8Zq1vY2xR7hK3mN9tL","audio_duration_secs":3.0}""".formatted(text);
    }

    @Override
    protected boolean answersInTextFormats() {
        return false;
    }

    @Test
    void sendsAMultipartFormWithModelIdAndAnXiApiKey() throws Exception {
        server.enqueue(json(200, transcriptBody("hallo")));
        Deployment deployment = deployment().param("diarize", "True").param("num_speakers", "2").build();

        connect(deployment).transcribe(request().language("de").temperature(0.2)
                .providerParam("tag_audio_events", "false").build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("xi-api-key")).isEqualTo(KEY);
        assertThat(recorded.getHeaders().get("Authorization")).isNull();
        RecordedForm form = RecordedForm.of(recorded);
        assertThat(form.names()).containsExactly("file", "model_id", "language_code", "temperature", "diarize",
                "num_speakers", "tag_audio_events");
        assertThat(form.file().filename()).contains("speech.wav");
        assertThat(form.file().contentType()).contains("audio/wav");
        assertThat(form.file().body().toByteArray()).isEqualTo(AUDIO);
        assertThat(form.value("model_id")).isEqualTo("scribe_v1");
        assertThat(form.value("language_code")).isEqualTo("de");
        assertThat(form.value("temperature")).isEqualTo("0.2");
        assertThat(form.value("diarize")).isEqualTo("true");
        assertThat(form.value("num_speakers")).isEqualTo("2");
        assertThat(form.value("tag_audio_events")).isEqualTo("false");
    }

    @Test
    void listsAreSentAsOnePartPerValue() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        Deployment deployment = deployment().param("keyterms", ParamValue.values(List.of("Voxgate", "Scribe v2")))
                .param("entity_detection", "pii").build();

        connect(deployment).transcribe(request().build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model_id", "entity_detection", "keyterms", "keyterms");
        assertThat(form.values("keyterms")).containsExactly("Voxgate", "Scribe v2");
        assertThat(form.value("entity_detection")).isEqualTo("pii");
    }

    @Test
    void aNumberThatIsNoNumberIsRefusedBeforeAnyCall() {
        var thrown = failingCall(connect(deployment().param("num_speakers", "two").build()), request().build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam("num_speakers", "parameter 'num_speakers' of "
                + "provider elevenlabs (deployment 'contract-1') takes a number, not \"two\""));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theCallersLanguageIsTheLanguageCodeAndALanguageCodeParameterOnlyStandsInForIt() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        server.enqueue(json(200, transcriptBody("hi")));
        Deployment deployment = deployment().param("language_code", "deu").build();

        connect(deployment).transcribe(request().language("fr").build());
        connect(deployment).transcribe(request().build());

        assertThat(RecordedForm.of(takeRequest()).values("language_code")).containsExactly("fr");
        assertThat(RecordedForm.of(takeRequest()).values("language_code")).containsExactly("deu");
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = {"VERBOSE_JSON", "SRT", "VTT"})
    void timedFormatsAskForWordTimestamps(ResponseFormat format) throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().responseFormat(format).build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model_id", "timestamps_granularity");
        assertThat(form.value("timestamps_granularity")).isEqualTo("word");
    }

    @Test
    void callersGranularityAndDiarizationWinOverWhatTheFormatImplies() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().responseFormat(ResponseFormat.DIARIZED_JSON)
                .timestampGranularities(List.of(TimestampGranularity.WORD))
                .providerParam("timestamps_granularity", "character").providerParam("diarize", "FALSE").build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.names()).containsExactly("file", "model_id", "timestamps_granularity", "diarize");
        assertThat(form.value("timestamps_granularity")).isEqualTo("character");
        assertThat(form.value("diarize")).isEqualTo("false");
    }

    @Test
    void diarizedJsonAsksForSpeakers() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().responseFormat(ResponseFormat.DIARIZED_JSON).build());

        assertThat(RecordedForm.of(takeRequest()).value("diarize")).isEqualTo("true");
    }

    @Test
    void enableLoggingGoesIntoTheQueryNotTheForm() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().param("enable_logging", "False").build()).transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo(PATH + "?enable_logging=false");
        assertThat(RecordedForm.of(recorded).names()).containsExactly("file", "model_id");
    }

    @Test
    void diarizedAnswerYieldsWordsAndSpeakerSegmentsSplitAtSentencesAndPauses() {
        server.enqueue(json(200, resource("elevenlabs/scribe-diarized.json")));

        Transcription transcription = connect(deployment().param("diarize", "true").build())
                .transcribe(request().responseFormat(ResponseFormat.VERBOSE_JSON).build());

        assertThat(transcription.text()).isEqualTo("Hello, this is Anna. (laughter) Hi Anna, it's Ben and welcome.");
        assertThat(transcription.language()).contains("eng");
        assertThat(transcription.durationSeconds()).contains(6.0);
        assertThat(transcription.usage()).contains(new Usage.Duration(6.0));
        assertThat(transcription.segments()).containsExactly(
                speakerSegment(0, 0.12, 1.3, "Hello, this is Anna.", "speaker_0"),
                speakerSegment(1, 2.1, 3.5, "Hi Anna, it's Ben and", "speaker_1"),
                speakerSegment(2, 5.2, 5.6, "welcome.", "speaker_1"));
        assertThat(transcription.words()).extracting(Word::word).containsExactly("Hello,", "this", "is", "Anna.",
                "Hi", "Anna,", "it's", "Ben", "and", "welcome.");
        assertThat(transcription.words().get(0))
                .isEqualTo(new Word("Hello,", 0.12, 0.5, Optional.of("speaker_0"), Optional.of(1.0)));
        assertThat(transcription.words().get(3).confidence()).contains(Math.exp(-0.2));
        assertThat(transcription.words().get(4).speaker()).contains("speaker_1");
    }

    @Test
    void withoutAudioDurationTheLastTokensEndIsTheDuration() {
        server.enqueue(json(200, """
                {"language_code":"deu","language_probability":0.91,"text":"ja nein","words":[
                 {"text":"ja","start":0.1,"end":0.3,"type":"word","speaker_id":"speaker_0","logprob":-0.1},
                 {"text":" ","start":0.3,"end":0.4,"type":"spacing","speaker_id":"speaker_0","logprob":0.0},
                 {"text":"nein","start":0.4,"end":0.8,"type":"word","speaker_id":"speaker_1","logprob":-0.3}]}"""));

        Transcription transcription = connect(deployment().build()).transcribe(request().build());

        assertThat(transcription.durationSeconds()).contains(0.8);
        assertThat(transcription.usage()).isEmpty();
        assertThat(transcription.segments()).extracting(Segment::text, Segment::speaker).containsExactly(
                Tuple.tuple("ja", Optional.of("speaker_0")),
                Tuple.tuple("nein", Optional.of("speaker_1")));
    }

    @Test
    void unknownExtraIsRefusedBeforeAnyCall() {
        TranscriptionPort port = connect(deployment().param("webhook", "true").build());

        assertThat(failingCall(port, request().build()).failure()).isEqualTo(InvalidRequest.ofParam("webhook",
                "parameter 'webhook' is not supported by provider elevenlabs (deployment 'contract-1');"
                        + " remove it or set drop_params: true"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void promptIsRefusedUnlessDropped() throws Exception {
        assertThat(failingCall(connect(deployment().build()), request().prompt("Voxgate").build()).failure())
                .isInstanceOf(InvalidRequest.class);
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().dropParams(true).param("webhook", "true").build())
                .transcribe(request().prompt("Voxgate").build());

        assertThat(RecordedForm.of(takeRequest()).names()).containsExactly("file", "model_id");
    }

    @Test
    void invalidKeyIsAuthenticationFailedWithElevenLabsMessage() {
        server.enqueue(json(401, """
                {"detail":{"status":"invalid_api_key","message":"Invalid API key"}}"""));

        assertThat(failure()).isEqualTo(
                new AuthenticationFailed("HTTP 401 from elevenlabs (deployment 'contract-1'): Invalid API key"));
    }

    @Test
    void baseAndKeyComeFromTheElevenLabsVariables() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        EnvironmentSource environment = EnvironmentSource.of(Map.of(
                "ELEVENLABS_API_BASE", server.url("/").toString(), "ELEVENLABS_API_KEY", "xi-env-key"));

        connect(Deployment.builder(DEPLOYMENT_ID, "transcribe", "elevenlabs", "scribe_v1").build(), environment)
                .transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo(PATH);
        assertThat(recorded.getHeaders().get("xi-api-key")).isEqualTo("xi-env-key");
        assertThat(ElevenLabsProviderFactory.DEFAULT_API_BASE).isEqualTo("https://api.elevenlabs.io");
    }

    @Test
    void missingKeyFailsNamingElevenLabsApiKeyWithoutACall() {
        TranscriptionPort port = connect(deployment().apiKey(null).build());

        assertThat(failingCall(port, request().build()).failure()).isEqualTo(new AuthenticationFailed(
                "no API key for deployment 'contract-1': set litellm_params.api_key or ELEVENLABS_API_KEY"));
        assertThat(server.getRequestCount()).isZero();
    }

}
