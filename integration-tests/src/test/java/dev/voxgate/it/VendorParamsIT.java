package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendor parameters that are lists, from the config and from the caller, as each vendor reads them: repeated
 * {@code name[]} form parts for OpenAI's gpt-transcribe, repeated query keys for Deepgram. A caller's list replaces
 * the deployment's.
 */
class VendorParamsIT {

    private static final String TRANSCRIPT = "Voxgate routes speech";

    @Test
    void gptTranscribeGetsEveryKeywordAndLanguageAsRepeatedParts(@TempDir Path dir) {
        Path config = TestFiles.config(dir, "speech.yaml", """
                model_list:
                  - model_name: speech
                    litellm_params:
                      model: openai/gpt-transcribe
                      api_base: os.environ/OPENAI_BASE
                      keywords: [Voxgate, Kubernetes]
                """);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of("OPENAI_API_KEY", "sk-fake",
                     "OPENAI_BASE", openAi.baseUrl()))) {
            var own = post(proxy, List.of("model", "speech", "keywords[]", "Whisper", "keywords[]", "Deepgram",
                    "keywords[]", "LiteLLM", "languages[]", "en", "languages[]", "fr"));
            var configured = post(proxy, List.of("model", "speech", "language", "en"));

            assertThat(own.status()).as(own.body()).isEqualTo(200);
            assertThat(configured.status()).as(configured.body()).isEqualTo(200);
            assertThat(openAi.seen()).hasSize(2);
            Map<String, List<String>> first = openAi.seen().get(0).fields();
            assertThat(first.get("keywords[]")).containsExactly("Whisper", "Deepgram", "LiteLLM");
            assertThat(first.get("languages[]")).containsExactly("en", "fr");
            Map<String, List<String>> second = openAi.seen().get(1).fields();
            assertThat(second.get("keywords[]")).as("the deployment's keywords").containsExactly("Voxgate",
                    "Kubernetes");
            assertThat(second.get("languages[]")).as("language=en as gpt-transcribe takes it").containsExactly("en");
            assertThat(second).doesNotContainKey("language");
        }
    }

    @Test
    void deepgramGetsEveryKeytermAsARepeatedQueryKey(@TempDir Path dir) {
        Path config = TestFiles.config(dir, "nova.yaml", """
                model_list:
                  - model_name: nova
                    litellm_params:
                      model: deepgram/nova-3
                      keyterm: [Voxgate, Kubernetes]
                """);
        try (FakeDeepgram deepgram = new FakeDeepgram("dg-fake", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config, Map.of("DEEPGRAM_API_KEY", "dg-fake",
                     "DEEPGRAM_API_BASE", deepgram.baseUrl()))) {
            var configured = post(proxy, List.of("model", "nova"));
            var own = post(proxy, List.of("model", "nova", "keyterm", "LiteLLM", "keyterm", "Whisper"));

            assertThat(configured.status()).as(configured.body()).isEqualTo(200);
            assertThat(own.status()).as(own.body()).isEqualTo(200);
            assertThat(deepgram.seen().get(0).url().queryParameterValues("keyterm"))
                    .containsExactly("Voxgate", "Kubernetes");
            assertThat(deepgram.seen().get(1).url().queryParameterValues("keyterm"))
                    .containsExactly("LiteLLM", "Whisper");
        }
    }

    private static ProxyClients.Answer post(RunningProxy proxy, List<String> namesAndValues) {
        Path audio = Examples.audio();
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", audio.getFileName().toString(),
                        RequestBody.create(audio.toFile(), MediaType.get("audio/wav")));
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            form.addFormDataPart(namesAndValues.get(i), namesAndValues.get(i + 1));
        }
        return ProxyClients.call(new Request.Builder().url(proxy.baseUrl() + "/v1/audio/transcriptions")
                .post(form.build()).build());
    }
}
