package dev.voxgate.providers.deepgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

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
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.ProviderContractTest;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Deepgram's pre-recorded wire format, checked as strictly as Deepgram's API would, plus the provider contract. */
class DeepgramProviderFactoryTest extends ProviderContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTEN = "/v1/listen?model=nova-3";

    @Override
    protected ProviderFactory factory() {
        return new DeepgramProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "transcribe", "deepgram", "nova-3")
                .apiBase(root.resolve("/v1").toString())
                .apiKey(Secret.of(KEY));
    }

    /** Deepgram's older envelope, which the listen endpoint still answers with; it never names a parameter. */
    @Override
    protected String errorBody(String message, String param) {
        try {
            return JSON.writeValueAsString(Map.of("err_code", "Bad Request", "err_msg", message,
                    "request_id", "0c7f2b1e-5a3d-4e8f-9b6a-1d2c3e4f5a6b"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String transcriptBody(String text) {
        return """
                {"metadata":{"request_id":"a847f427-4ad5-4d67-9b95-db801e58251c","duration":3.0,"channels":1},
                 "results":{"channels":[{"alternatives":[{"transcript":"%s","confidence":0.99,"words":[]}]}]}}\
                """.formatted(text);
    }

    @Override
    protected boolean answersInTextFormats() {
        return false;
    }

    @Override
    protected boolean errorsNameTheirParam() {
        return false;
    }

    /** The raw bytes as the body, typed with the file's content type; Deepgram never sees the file name. */
    @Override
    protected void assertAudioSent(RecordedRequest recorded, String filename, String contentType) {
        assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo(contentType);
        assertThat(recorded.getBody().toByteArray()).isEqualTo(AUDIO);
    }

    @Test
    void sendsTheRawAudioWithATokenKeyAndTheOptionsInTheQuery() throws Exception {
        server.enqueue(json(200, transcriptBody("hallo")));

        connect(deployment().param("diarize", "True").build()).transcribe(request().language("de").build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo("/v1/listen?model=nova-3&language=de&diarize=true");
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Token " + KEY);
        assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("audio/wav");
        assertThat(recorded.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(AUDIO.length));
        assertThat(recorded.getBody().toByteArray()).isEqualTo(AUDIO);
    }

    @Test
    void extrasOfTheRequestWinOverTheDeploymentsAndAreUrlEncodedInNameOrder() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        Deployment deployment = deployment().param("smart_format", "true").param("keyterm", "Voxgate & Co").build();

        connect(deployment).transcribe(request().providerParam("smart_format", "FALSE")
                .providerParam("redact", "pii").build());

        assertThat(takeRequest().getTarget())
                .isEqualTo(LISTEN + "&keyterm=Voxgate%20%26%20Co&redact=pii&smart_format=false");
    }

    @Test
    void listsAreSentAsOneQueryKeyPerValue() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        server.enqueue(json(200, transcriptBody("hi")));
        Deployment deployment = deployment().param("keyterm", ParamValue.values(List.of("Voxgate", "Nova-3")))
                .param("redact", "pci").build();

        connect(deployment).transcribe(request().build());
        connect(deployment).transcribe(request().providerParam("keyterm", "Whisper").providerParam("keyterm", "LLM")
                .providerParam("utt_split", "1.2").build());

        assertThat(takeRequest().getTarget()).isEqualTo(LISTEN + "&keyterm=Voxgate&keyterm=Nova-3&redact=pci");
        assertThat(takeRequest().getTarget())
                .isEqualTo(LISTEN + "&keyterm=Whisper&keyterm=LLM&redact=pci&utt_split=1.2");
    }

    @Test
    void aValueOfTheWrongKindIsRefusedBeforeAnyCallWhateverDropParamsSays() {
        TranscriptionPort port = connect(deployment().dropParams(true).build());

        assertThat(failingCall(port, request().providerParam("utt_split", "fast").build()).failure())
                .isEqualTo(InvalidRequest.ofParam("utt_split", "parameter 'utt_split' of provider deepgram "
                        + "(deployment 'contract-1') takes a number, not \"fast\""));
        assertThat(failingCall(port, request().providerParam("smart_format", "yes").build()).failure())
                .asInstanceOf(type(InvalidRequest.class)).extracting(InvalidRequest::param)
                .isEqualTo(Optional.of("smart_format"));
        assertThat(failingCall(port, request().providerParam("keyterm[a]", "b").build()).failure())
                .asInstanceOf(type(InvalidRequest.class)).extracting(InvalidRequest::param)
                .isEqualTo(Optional.of("keyterm"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aLanguageParameterIsSentWhenTheCallerGivesNone() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        server.enqueue(json(200, transcriptBody("hi")));
        Deployment deployment = deployment().param("language", "de").param("numerals", "true").build();

        connect(deployment).transcribe(request().build());
        connect(deployment).transcribe(request().language("fr").build());

        assertThat(takeRequest().getTarget()).isEqualTo(LISTEN + "&language=de&numerals=true");
        assertThat(takeRequest().getTarget()).isEqualTo(LISTEN + "&language=fr&numerals=true");
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = {"VERBOSE_JSON", "SRT", "VTT"})
    void timedFormatsAskForPunctuatedUtterances(ResponseFormat format) throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().responseFormat(format).build());

        assertThat(takeRequest().getTarget()).isEqualTo(LISTEN + "&utterances=true&punctuate=true");
    }

    @Test
    void segmentGranularityAsksForUtterancesButKeepsTheCallersPunctuation() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().providerParam("punctuate", "false")
                .timestampGranularities(List.of(TimestampGranularity.SEGMENT)).build());

        assertThat(takeRequest().getTarget()).isEqualTo(LISTEN + "&punctuate=false&utterances=true");
    }

    @Test
    void diarizedJsonAsksForSpeakers() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().responseFormat(ResponseFormat.DIARIZED_JSON).build());

        assertThat(takeRequest().getTarget()).isEqualTo(LISTEN + "&utterances=true&punctuate=true&diarize=true");
    }

    @Test
    void diarizedAnswerYieldsSpeakerSegmentsWordsAndTheSpeakerLabelledText() throws Exception {
        server.enqueue(json(200, resource("deepgram/listen-diarized.json")));

        Transcription transcription = connect(deployment().build()).transcribe(request().language("en")
                .responseFormat(ResponseFormat.DIARIZED_JSON).build());

        assertThat(takeRequest().getTarget())
                .isEqualTo(LISTEN + "&language=en&utterances=true&punctuate=true&diarize=true");
        assertThat(transcription.text()).isEqualTo(
                "Speaker 0: Hello, this is Anna.\n\nSpeaker 1: Hi Anna, it's Ben.\n\nSpeaker 0: Great.");
        assertThat(transcription.language()).contains("en");
        assertThat(transcription.durationSeconds()).contains(6.42);
        assertThat(transcription.usage()).contains(new Usage.Duration(6.42));
        assertThat(transcription.segments()).containsExactly(
                speakerSegment(0, 0.08, 1.36, "Hello, this is Anna.", "0"),
                speakerSegment(1, 2.1, 3.4, "Hi Anna, it's Ben.", "1"),
                speakerSegment(2, 4.5, 4.98, "Great.", "0"));
        assertThat(transcription.words()).hasSize(9).startsWith(
                new Word("Hello,", 0.08, 0.48, Optional.of("0"), Optional.of(0.998)),
                new Word("this", 0.48, 0.72, Optional.of("0"), Optional.of(0.997)));
        assertThat(transcription.words().get(4))
                .isEqualTo(new Word("Hi", 2.1, 2.34, Optional.of("1"), Optional.of(0.995)));
        assertThat(transcription.formattedBody()).isEmpty();
    }

    @Test
    void answerWithoutUtterancesStillYieldsTextDurationWordsAndTheDetectedLanguage() {
        server.enqueue(json(200, resource("deepgram/listen-plain.json")));

        Transcription transcription = connect(deployment().param("detect_language", "true").build())
                .transcribe(request().build());

        assertThat(transcription).isEqualTo(new Transcription("Guten Morgen zusammen", Optional.of("de"),
                Optional.of(2.735), List.of(), List.of(
                        new Word("guten", 0.16, 0.56, Optional.empty(), Optional.of(0.993)),
                        new Word("morgen", 0.56, 1.04, Optional.empty(), Optional.of(0.998)),
                        new Word("zusammen", 1.04, 1.68, Optional.empty(), Optional.of(0.985))),
                Optional.of(new Usage.Duration(2.735)), Optional.empty()));
    }

    @Test
    void unknownExtraIsRefusedBeforeAnyCall() {
        TranscriptionPort port = connect(deployment().param("chunking_strategy", "auto").build());

        assertThat(failingCall(port, request().build()).failure()).isEqualTo(InvalidRequest.ofParam(
                "chunking_strategy", "parameter 'chunking_strategy' is not supported by provider deepgram"
                        + " (deployment 'contract-1'); remove it or set drop_params: true"));
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prompt", "temperature"})
    void openAiFieldsDeepgramLacksAreRefused(String field) {
        var request = field.equals("prompt") ? request().prompt("Voxgate") : request().temperature(0.2);

        assertThat(failingCall(connect(deployment().build()), request.build()).failure())
                .asInstanceOf(type(InvalidRequest.class))
                .extracting(InvalidRequest::param).isEqualTo(Optional.of(field));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void dropParamsDropsWhatDeepgramDoesNotTake() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        Deployment deployment = deployment().dropParams(true).param("chunking_strategy", "auto")
                .param("numerals", "true").build();

        connect(deployment).transcribe(request().prompt("Voxgate").temperature(0.2)
                .providerParam("callback", "https://example.com/hook").build());

        assertThat(takeRequest().getTarget()).isEqualTo(LISTEN + "&numerals=true");
    }

    @Test
    void modernErrorEnvelopeReportsMessageAndDetails() {
        server.enqueue(json(400, """
                {"category":"INVALID_JSON","message":"Invalid JSON submitted.",\
                "details":"Json deserialize error: expected value at line 1 column 1",\
                "request_id":"3f1b5c2a-9d7e-4c6b-8a1f-0e2d3c4b5a69"}"""));

        assertThat(failure()).isEqualTo(InvalidRequest.of("HTTP 400 from deepgram (deployment 'contract-1'): "
                + "Invalid JSON submitted. (Json deserialize error: expected value at line 1 column 1)"));
    }

    @Test
    void refusedKeyIsAuthenticationFailedWithDeepgramsMessage() {
        server.enqueue(json(401, """
                {"err_code":"INVALID_AUTH","err_msg":"Invalid credentials.",\
                "request_id":"9b2c7d4e-1f3a-4b5c-8d6e-7f8a9b0c1d2e"}"""));

        assertThat(failure()).isEqualTo(
                new AuthenticationFailed("HTTP 401 from deepgram (deployment 'contract-1'): Invalid credentials."));
    }

    @Test
    void baseAndKeyComeFromTheDeepgramVariablesWithTrailingSlashesStripped() throws Exception {
        server.enqueue(json(200, transcriptBody("hi")));
        EnvironmentSource environment = EnvironmentSource.of(Map.of(
                "DEEPGRAM_API_BASE", server.url("/v1//").toString(), "DEEPGRAM_API_KEY", "dg-env-key"));

        connect(Deployment.builder(DEPLOYMENT_ID, "transcribe", "deepgram", "nova-3").build(), environment)
                .transcribe(request().build());

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo(LISTEN);
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Token dg-env-key");
        assertThat(DeepgramProviderFactory.DEFAULT_API_BASE).isEqualTo("https://api.deepgram.com/v1");
    }

    @Test
    void missingKeyFailsNamingDeepgramApiKeyWithoutACall() {
        TranscriptionPort port = connect(deployment().apiKey(null).build());

        assertThat(failingCall(port, request().build()).failure()).isEqualTo(new AuthenticationFailed(
                "no API key for deployment 'contract-1': set litellm_params.api_key or DEEPGRAM_API_KEY"));
        assertThat(server.getRequestCount()).isZero();
    }

}
