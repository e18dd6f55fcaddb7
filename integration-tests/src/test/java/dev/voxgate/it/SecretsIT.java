package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys stay secret: the proxy jar runs with debug logging, is driven through success and every kind of failure
 * (including a vendor that echoes the key in its 401 and in a 500), and neither its log nor any status line, header
 * or body it sent contains a provider key, the master key or a key a client tried to pass.
 */
class SecretsIT {

    private static final String OPENAI_KEY = "sk-proj-OpenAiSecret-7Hq2x9Lw";
    private static final String AZURE_KEY = "azureSecretKey3Kd8f1Qm";
    private static final String MASTER_KEY = "sk-master-Secret-9Zx4w2Pe";
    private static final String CLIENT_KEY = "sk-client-Secret-5Tb6n1Rc";
    private static final List<String> SECRETS = List.of(OPENAI_KEY, AZURE_KEY, MASTER_KEY, CLIENT_KEY,
            // a fragment is a leak too: what a masking vendor or a careless log line would keep
            OPENAI_KEY.substring(8, 20), AZURE_KEY.substring(4, 16), MASTER_KEY.substring(10, 22));

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private final List<String> seenByClients = new ArrayList<>();

    @Test
    void noKeyAppearsInTheLogOrInAnyAnswerOnSuccessOrFailure(@TempDir Path dir) throws Exception {
        Path audio = TestFiles.wav(dir, "speech.wav", 4096);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "secret-free transcript");
             FakeSpeechVendor azure = FakeSpeechVendor.azure(AZURE_KEY, "azure transcript", "whisper-eu");
             FakeSpeechVendor otherKey = FakeSpeechVendor.openAi("sk-some-other-account-key", "unused");
             FakeSpeechVendor echoing = FakeSpeechVendor.openAi(OPENAI_KEY, "unused");
             ProxyProcess proxy = ProxyProcess.start(TestFiles.config(dir, "secrets.yaml", config(openAi, azure,
                     otherKey, echoing)), Map.of("OPENAI_API_KEY", OPENAI_KEY, "AZURE_API_KEY", AZURE_KEY,
                     "LITELLM_MASTER_KEY", MASTER_KEY), "-Dvoxgate.log.level=debug")) {
            echoing.failWith(500, "{\"error\":{\"message\":\"key " + OPENAI_KEY + " (sk-pro...x9Lw) broke us\"}}");
            String base = "http://127.0.0.1:" + proxy.awaitPort(Duration.ofSeconds(60));

            assertThat(transcribe(base, audio, "whisper", "Bearer " + MASTER_KEY)).isEqualTo(200);
            assertThat(transcribe(base, audio, "azure", "Bearer " + MASTER_KEY)).isEqualTo(200);
            assertThat(transcribe(base, audio, "refused-key", "Bearer " + MASTER_KEY)).isEqualTo(401);
            assertThat(transcribe(base, audio, "echoing", "Bearer " + MASTER_KEY)).isEqualTo(502);
            assertThat(transcribe(base, audio, "whisper", "Bearer " + MASTER_KEY.substring(0, 20))).isEqualTo(401);
            assertThat(transcribe(base, audio, "whisper", null)).isEqualTo(401);
            assertThat(transcribeWithOwnKey(base, audio)).isEqualTo(400);
            assertThat(transcribe(base, audio, "no-such-group", "Bearer " + MASTER_KEY)).isEqualTo(404);
            for (String path : List.of("/v1/models", "/models", "/health/liveliness", "/health/readiness", "/v1/x")) {
                call(new Request.Builder().url(base + path).header("Authorization", "Bearer " + MASTER_KEY).build());
            }
            proxy.terminate();
            assertThat(proxy.awaitExit(Duration.ofSeconds(60))).isZero();

            String log = String.join("\n", proxy.output());
            assertThat(log).contains("Voxgate listening").contains("-> 401").contains("-> 502").contains("DEBUG")
                    .contains("stopping");
            for (String secret : SECRETS) {
                assertThat(log).as("the proxy's log").doesNotContain(secret);
                assertThat(seenByClients).as("what clients saw").noneMatch(answer -> answer.contains(secret));
            }
        }
    }

    private static String config(FakeSpeechVendor openAi, FakeSpeechVendor azure, FakeSpeechVendor otherKey,
                                 FakeSpeechVendor echoing) {
        return """
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1, api_key: os.environ/OPENAI_API_KEY, api_base: "%s"}
                  - model_name: azure
                    litellm_params: {model: azure/whisper-eu, api_key: os.environ/AZURE_API_KEY, api_base: "%s",
                                     api_version: "2024-10-21"}
                  - model_name: refused-key
                    litellm_params: {model: whisper-1, api_key: os.environ/OPENAI_API_KEY, api_base: "%s"}
                  - model_name: echoing
                    litellm_params: {model: whisper-1, api_key: os.environ/OPENAI_API_KEY, api_base: "%s"}
                router_settings: {num_retries: 0}
                general_settings: {master_key: os.environ/LITELLM_MASTER_KEY}
                """.formatted(openAi.baseUrl(), azure.baseUrl(), otherKey.baseUrl(), echoing.baseUrl());
    }

    private int transcribe(String base, Path audio, String model, String authorization) {
        MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("model", model)
                .addFormDataPart("file", "speech.wav", RequestBody.create(audio.toFile(), MediaType.get("audio/wav")))
                .build();
        Request.Builder request = new Request.Builder().url(base + "/v1/audio/transcriptions").post(form);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return call(request.build());
    }

    private int transcribeWithOwnKey(String base, Path audio) {
        MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "whisper").addFormDataPart("api_key", CLIENT_KEY)
                .addFormDataPart("file", "speech.wav", RequestBody.create(audio.toFile(), MediaType.get("audio/wav")))
                .build();
        return call(new Request.Builder().url(base + "/v1/audio/transcriptions")
                .header("Authorization", "Bearer " + MASTER_KEY).post(form).build());
    }

    private int call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            seenByClients.add(response.code() + " " + response.message() + "\n" + response.headers() + "\n"
                    + response.body().string());
            return response.code();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
