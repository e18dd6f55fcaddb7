package dev.voxgate.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.providers.ProviderTestBase;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Self-hosted OpenAI-compatible servers reached as {@code openai/<model>} at their own {@code api_base}, without a
 * key: their answers differ from OpenAI's in ways the adapter must read as they come.
 */
class SelfHostedOpenAiServersTest extends ProviderTestBase {

    private static final String TRANSCRIPT = " And so, my fellow Americans, ask not what your country can do for you.\n";

    @Override
    protected ProviderFactory factory() {
        return new OpenAiProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "whisper", "openai", "ggml-base.en").apiBase(root.toString());
    }

    @Override
    protected String errorBody(String message, String param) {
        return jsonOf(Map.of("error", message));
    }

    private Transcription transcribe(ResponseFormat format) {
        return connect(deployment().build()).transcribe(request().responseFormat(format).build());
    }

    @Test
    void whisperCppTextLabelledAsHtmlIsKeptVerbatim() {
        server.enqueue(text(200, "text/html; charset=utf-8", TRANSCRIPT));

        Transcription transcription = transcribe(ResponseFormat.TEXT);

        assertThat(transcription.formattedBody()).contains(TRANSCRIPT);
        assertThat(transcription.text()).isEqualTo(TRANSCRIPT.strip());
    }

    @Test
    void anHtmlPageIsStillNoTranscriptWhenTextWasAsked() {
        server.enqueue(text(200, "text/html; charset=utf-8", "\n<!DOCTYPE html><html><body>Sign in</body></html>"));

        assertThat(failingCall(connect(deployment().build()),
                request().responseFormat(ResponseFormat.TEXT).build()).failure())
                .isInstanceOf(UpstreamProtocolError.class);
    }

    @ParameterizedTest
    @CsvSource({"SRT, application/x-subrip", "VTT, text/vtt"})
    void whisperCppSubtitlesWithTheirOwnContentTypesAreKeptVerbatim(ResponseFormat format, String contentType) {
        String body = format == ResponseFormat.SRT
                ? "1\n00:00:00,000 --> 00:00:02,400\n And so, my fellow Americans.\n\n"
                : "WEBVTT\n\n00:00:00.000 --> 00:00:02.400\n And so, my fellow Americans.\n\n";
        server.enqueue(text(200, contentType, body));

        assertThat(transcribe(format).formattedBody()).contains(body);
    }

    @Test
    void whisperCppVerboseJsonWithoutSeekAndWithWordProbabilitiesIsRead() {
        server.enqueue(json(200, """
                {"task":"transcribe","language":"english","duration":11.0,"text":"And so.",
                 "segments":[{"id":0,"text":" And so.","start":0.0,"end":1.2,"tokens":[50364,400],
                   "words":[{"word":" And","start":0.0,"end":0.4,"t_dtw":-1,"probability":0.97}],
                   "temperature":0.0,"avg_logprob":-0.21,"no_speech_prob":null}],
                 "words":[{"word":" And","start":0.0,"end":0.4,"t_dtw":-1,"probability":0.97}],
                 "detected_language":"english","detected_language_probability":0.98,
                 "language_probabilities":{"english":0.98}}"""));

        Transcription transcription = transcribe(ResponseFormat.VERBOSE_JSON);

        assertThat(transcription.segments()).singleElement().satisfies(segment -> {
            assertThat(segment.seek()).isEmpty();
            assertThat(segment.compressionRatio()).isEmpty();
            assertThat(segment.noSpeechProb()).isEmpty();
        });
        assertThat(transcription.words()).containsExactly(
                new Word(" And", 0.0, 0.4, Optional.empty(), Optional.of(0.97)));
    }

    @Test
    void speachesRefusingAnInvalidKeyWith403IsAuthenticationFailed() {
        server.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "application/json")
                .setHeader("WWW-Authenticate", "Bearer")
                .body("{\"detail\":\"Invalid API key. Please provide a valid API key.\"}").build());

        assertThat(failingCall(connect(deployment().build()), request().build()).failure()).isEqualTo(
                new AuthenticationFailed("HTTP 403 from openai (deployment 'contract-1'): Invalid API key. "
                        + "Please provide a valid API key."));
    }

    @Test
    void vllmStringDurationIsReadAsANumber() {
        server.enqueue(json(200, "{\"text\":\"hi\",\"language\":\"en\",\"duration\":\"30.0\",\"segments\":[]}"));

        assertThat(transcribe(ResponseFormat.VERBOSE_JSON).durationSeconds()).contains(30.0);
    }
}
