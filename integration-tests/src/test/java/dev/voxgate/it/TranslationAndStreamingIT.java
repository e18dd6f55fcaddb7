package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionStreamEvent;
import com.openai.models.audio.translations.TranslationCreateParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAI's translations endpoint and streamed transcripts, through the proxy with the official Java SDK. */
class TranslationAndStreamingIT {

    private static final String KEY = "sk-openai-translate-stream";
    private static final String CONFIG = """
            model_list:
              - model_name: whisper
                litellm_params:
                  model: whisper-1
              - model_name: transcribe
                litellm_params:
                  model: openai/gpt-4o-transcribe
            general_settings:
              master_key: sk-1234
            """;

    @Test
    void officialSdkTranslatesThroughTheProxy(@TempDir Path dir) throws IOException {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "Vier score");
             RunningProxy proxy = start(dir, openAi)) {
            String text = ProxyClients.openAi(proxy, "sk-1234").audio().translations().create(
                    TranslationCreateParams.builder().file(Examples.audio()).model("whisper").build())
                    .asTranslation().text();

            assertThat(text).isEqualTo(FakeSpeechVendor.TRANSLATED + "Vier score");
            FakeSpeechVendor.SeenRequest seen = openAi.seen().getFirst();
            assertThat(seen.target()).isEqualTo("/v1/audio/translations");
            assertThat(seen.fields()).containsOnlyKeys("model", "response_format");
        }
    }

    @Test
    void translationRefusesALanguageNamingIt(@TempDir Path dir) throws IOException {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "unused");
             RunningProxy proxy = start(dir, openAi)) {
            var answer = postTranscription(proxy, "/v1/audio/translations", "Bearer sk-1234", Examples.audio(),
                    fields("model", "whisper", "language", "de"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"param\":\"language\"").contains("into English");
            assertThat(openAi.requestCount()).isZero();
        }
    }

    @Test
    void streamedTranscriptReachesTheClientBeforeTheVendorHasFinished(@TempDir Path dir) throws IOException {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "Four score and seven years ago");
             RunningProxy proxy = start(dir, openAi);
             StreamResponse<TranscriptionStreamEvent> stream = ProxyClients.openAi(proxy, "sk-1234").audio()
                     .transcriptions().createStreaming(TranscriptionCreateParams.builder()
                             .file(Examples.audio()).model("transcribe").build())) {
            Iterator<TranscriptionStreamEvent> events = stream.stream().iterator();

            // The fake holds the rest of its answer until released: this first piece came through while it waited.
            TranscriptionStreamEvent first = events.next();
            assertThat(first.asTranscriptTextDelta().delta()).isEqualTo("Four");
            openAi.releaseStream();
            List<String> rest = new ArrayList<>();
            String done = null;
            while (events.hasNext()) {
                TranscriptionStreamEvent event = events.next();
                if (event.isTranscriptTextDelta()) {
                    rest.add(event.asTranscriptTextDelta().delta());
                } else if (event.isTranscriptTextDone()) {
                    done = event.asTranscriptTextDone().text();
                }
            }

            assertThat(String.join("", rest)).isEqualTo(" score and seven years ago");
            assertThat(done).isEqualTo("Four score and seven years ago");
            assertThat(openAi.seen().getFirst().fields()).containsEntry("stream", List.of("true"))
                    .containsEntry("model", List.of("gpt-4o-transcribe"));
        }
    }

    @Test
    void modelThatCannotStreamIsRefusedBeforeAnythingIsSent(@TempDir Path dir) throws IOException {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "unused");
             RunningProxy proxy = start(dir, openAi)) {
            assertThatThrownBy(() -> {
                try (var stream = ProxyClients.openAi(proxy, "sk-1234").audio().transcriptions().createStreaming(
                        TranscriptionCreateParams.builder().file(Examples.audio()).model("whisper").build())) {
                    stream.stream().forEach(event -> { });
                }
            }).isInstanceOfSatisfying(BadRequestException.class, e ->
                    assertThat(e.getMessage()).contains("whisper-1").contains("stream=false"));
            assertThat(openAi.requestCount()).isZero();
        }
    }

    private static RunningProxy start(Path dir, FakeSpeechVendor openAi) throws IOException {
        Path config = Files.writeString(dir.resolve("openai.yaml"), CONFIG);
        return RunningProxy.start(config, Map.of("OPENAI_API_KEY", KEY, "OPENAI_API_BASE", openAi.baseUrl()));
    }
}
