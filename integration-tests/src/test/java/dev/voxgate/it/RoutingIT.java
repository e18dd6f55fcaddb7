package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the router did, as a client of the proxy sees it: cooldowns, recovery, and the x-voxgate-* headers. */
class RoutingIT {

    private static final String KEY = "sk-openai-routing-test";
    private static final String SERVER_ERROR = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}";

    @Test
    void failingDeploymentRestsForItsCooldownAndServesAgainAfterIt(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("cooldown.yaml"), """
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                router_settings:
                  num_retries: 0
                  allowed_fails: 0
                  cooldown_time: 1
                """);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(KEY, "back again");
             RunningProxy proxy = RunningProxy.start(config, environment(openAi))) {
            openAi.failTimes(1, 503, SERVER_ERROR);

            Headed failed = post(proxy, "whisper");
            Headed resting = post(proxy, "whisper");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Headed recovered = post(proxy, "whisper");
            while (recovered.status() == 429 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                recovered = post(proxy, "whisper");
            }

            assertThat(failed.status()).isEqualTo(503);
            assertThat(resting.status()).isEqualTo(429);
            assertThat(resting.header("Retry-After")).isEqualTo("1");
            assertThat(resting.body()).contains("cooling down");
            assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
            assertThat(recovered.body()).contains("back again");
            assertThat(openAi.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void headersSayWhichGroupAndDeploymentAnsweredAfterHowManyRetriesAndFallbacks() throws Exception {
        try (FakeSpeechVendor primary = FakeSpeechVendor.openAi(KEY, "unused");
             FakeSpeechVendor backup = FakeSpeechVendor.azure("azure-routing-key", "from backup", "whisper-deployment");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-fallbacks.yaml"), Map.of(
                     "OPENAI_API_KEY", KEY, "OPENAI_API_BASE", primary.baseUrl(),
                     "AZURE_API_KEY", "azure-routing-key", "AZURE_API_BASE", backup.baseUrl()))) {
            primary.failWith(500, SERVER_ERROR);

            Headed answer = post(proxy, "whisper-primary");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("x-voxgate-model-group")).isEqualTo("whisper-backup");
            assertThat(answer.header("x-voxgate-deployment-id")).isNotBlank();
            assertThat(answer.header("x-voxgate-attempted-retries")).isEqualTo("2");
            assertThat(answer.header("x-voxgate-attempted-fallbacks")).isEqualTo("1");
            assertThat(Long.parseLong(answer.header("x-voxgate-response-duration-ms")))
                    .isGreaterThanOrEqualTo(Long.parseLong(answer.header("x-voxgate-overhead-duration-ms")));
            assertThat(answer.header("x-request-id")).startsWith("req_");
        }
    }

    private static Map<String, String> environment(FakeSpeechVendor openAi) {
        return Map.of("OPENAI_API_KEY", KEY, "OPENAI_API_BASE", openAi.baseUrl());
    }

    private record Headed(int status, String body, Headers headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private static Headed post(RunningProxy proxy, String model) throws IOException {
        MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", "speech.wav",
                        RequestBody.create(Examples.audio().toFile(), MediaType.get("audio/wav")))
                .addFormDataPart("model", model).build();
        Request request = new Request.Builder().url(proxy.baseUrl() + "/v1/audio/transcriptions").post(form).build();
        try (Response response = ProxyClients.http().newCall(request).execute()) {
            return new Headed(response.code(), response.body().string(), response.headers());
        }
    }
}
