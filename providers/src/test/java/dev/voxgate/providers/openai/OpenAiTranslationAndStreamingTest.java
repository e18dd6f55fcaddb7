package dev.voxgate.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.providers.ProviderTestBase;
import dev.voxgate.providers.RecordedForm;
import dev.voxgate.providers.spi.ProviderFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** OpenAI's translations endpoint and its streamed transcripts ({@code stream=true}), on the wire. */
class OpenAiTranslationAndStreamingTest extends ProviderTestBase {

    private static final String STREAM = """
            data: {"type":"transcript.text.delta","delta":"Four"}

            data: {"type":"transcript.text.delta","delta":" score"}

            data: {"type":"transcript.text.done","text":"Four score","usage":{"type":"tokens","input_tokens":14,\
            "output_tokens":4,"total_tokens":18}}

            """;

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
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}";
    }

    @Test
    void translationGoesToAudioTranslationsWithoutLanguageOrGranularities() throws Exception {
        server.enqueue(json(200, "{\"text\":\"Four score and seven years ago\"}"));

        Transcription translation = connect(deployment().build()).translate(request().language("de").prompt("Lincoln")
                .timestampGranularities(List.of(TimestampGranularity.SEGMENT)).build());

        assertThat(translation.text()).isEqualTo("Four score and seven years ago");
        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget()).isEqualTo("/v1/audio/translations");
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(RecordedForm.of(recorded).names()).containsExactly("file", "model", "prompt", "response_format");
    }

    @Test
    void streamedTranscriptArrivesPieceByPieceAndEndsWithTheWholeText() throws Exception {
        server.enqueue(text(200, "text/event-stream", STREAM));
        List<String> pieces = new CopyOnWriteArrayList<>();

        Transcription transcription = connect(gpt4oTranscribe())
                .transcribeStreaming(request().build(), pieces::add);

        assertThat(pieces).containsExactly("Four", " score");
        assertThat(transcription.text()).isEqualTo("Four score");
        assertThat(transcription.usage()).contains(new Usage.Tokens(14, 4, 18, Optional.empty(), Optional.empty()));
        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.value("stream")).isEqualTo("true");
        assertThat(form.value("model")).isEqualTo("gpt-4o-transcribe");
    }

    @Test
    void modelThatAnswersInOnePieceStillReachesTheListener() {
        server.enqueue(json(200, "{\"text\":\"all at once\"}"));
        List<String> pieces = new CopyOnWriteArrayList<>();

        Transcription transcription = connect(gpt4oTranscribe()).transcribeStreaming(request().build(), pieces::add);

        assertThat(pieces).containsExactly("all at once");
        assertThat(transcription.text()).isEqualTo("all at once");
    }

    @Test
    void streamCutBeforeItsEndIsAProtocolError() {
        server.enqueue(text(200, "text/event-stream", "data: {\"type\":\"transcript.text.delta\",\"delta\":\"Four\"}\n\n"));
        List<String> pieces = new CopyOnWriteArrayList<>();

        var failure = catchThrowableOfType(TranscriptionException.class, () -> connect(gpt4oTranscribe()).transcribeStreaming(request().build(), pieces::add));

        assertThat(failure.failure()).isInstanceOf(UpstreamProtocolError.class);
        assertThat(failure.getMessage()).contains("ended before transcript.text.done");
        assertThat(pieces).containsExactly("Four");
    }

    @Test
    void whisperCannotStreamAndIsRefusedBeforeAnyCall() {
        var failure = catchThrowableOfType(TranscriptionException.class, () -> connect(deployment().build())
                .transcribeStreaming(request().responseFormat(ResponseFormat.JSON).build(), piece -> { }));

        assertThat(failure.failure()).isInstanceOfSatisfying(InvalidRequest.class, invalid -> {
            assertThat(invalid.param()).contains("stream");
            assertThat(invalid.message()).contains("whisper-1").contains("send stream=false");
        });
        assertThat(server.getRequestCount()).isZero();
    }

    private Deployment gpt4oTranscribe() {
        return Deployment.builder(DEPLOYMENT_ID, "transcribe", "openai", "gpt-4o-transcribe")
                .apiBase(server.url("/v1").toString()).apiKey(Secret.of(KEY)).build();
    }
}
