package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's own {@code api_key}/{@code api_base}: refused unless {@code general_settings.allow_client_side_credentials}
 * is on; when on, used for that call only, and never a way to send the proxy's key to a host the client chose.
 */
class ClientCredentialsIT {

    private static final String PROXY_KEY = "sk-proxy-owned-0123456789";
    private static final String CLIENT_KEY = "sk-client-owned-0123456789";
    private static final String PATH = "/v1/audio/transcriptions";

    @TempDir
    Path dir;

    @Test
    void byDefaultAClientsKeyAndBaseAreRefusedAndNothingIsCalled() {
        try (FakeSpeechVendor configured = FakeSpeechVendor.openAi(PROXY_KEY, "configured");
             FakeSpeechVendor clients = FakeSpeechVendor.openAi(CLIENT_KEY, "client's own");
             RunningProxy proxy = RunningProxy.start(config(configured, false), Map.of())) {
            var answer = postTranscription(proxy, PATH, null, audio(), fields("model", "whisper",
                    "api_key", CLIENT_KEY, "api_base", clients.baseUrl()));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("cannot be set by a client").doesNotContain(CLIENT_KEY);
            assertThat(configured.requestCount() + clients.requestCount()).isZero();
        }
    }

    @Test
    void whenAllowedTheClientsKeyAndBaseAreUsedForItsCallOnly() {
        try (FakeSpeechVendor configured = FakeSpeechVendor.openAi(PROXY_KEY, "configured");
             FakeSpeechVendor clients = FakeSpeechVendor.openAi(CLIENT_KEY, "client's own");
             RunningProxy proxy = RunningProxy.start(config(configured, true), Map.of())) {
            var own = postTranscription(proxy, PATH, null, audio(), fields("model", "whisper",
                    "api_key", CLIENT_KEY, "api_base", clients.baseUrl()));
            var usual = postTranscription(proxy, PATH, null, audio(), fields("model", "whisper"));

            assertThat(own.status()).as(own.body()).isEqualTo(200);
            assertThat(own.body()).contains("client's own");
            assertThat(clients.seen()).singleElement().satisfies(seen -> assertThat(seen.headers())
                    .containsEntry("authorization", "Bearer " + CLIENT_KEY));
            assertThat(usual.body()).contains("configured");
            assertThat(configured.seen()).singleElement().satisfies(seen -> assertThat(seen.headers())
                    .containsEntry("authorization", "Bearer " + PROXY_KEY));
        }
    }

    @Test
    void whenAllowedABaseWithoutTheClientsOwnKeyIsRefusedSoTheProxysKeyNeverLeaves() {
        try (FakeSpeechVendor configured = FakeSpeechVendor.openAi(PROXY_KEY, "configured");
             FakeSpeechVendor elsewhere = FakeSpeechVendor.openAi("sk-anything", "exfiltrated");
             RunningProxy proxy = RunningProxy.start(config(configured, true), Map.of())) {
            var answer = postTranscription(proxy, PATH, null, audio(), fields("model", "whisper",
                    "api_base", elsewhere.baseUrl()));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"param\":\"api_key\"").contains("needs 'api_key' too");
            assertThat(elsewhere.requestCount()).isZero();
        }
    }

    @Test
    void whenAllowedAClientsWrongKeyFailsItsOwnCallRedactedAndRestsNothingForOthers() {
        try (FakeSpeechVendor configured = FakeSpeechVendor.openAi(PROXY_KEY, "configured");
             RunningProxy proxy = RunningProxy.start(config(configured, true), Map.of())) {
            for (int i = 0; i < 5; i++) {
                var refused = postTranscription(proxy, PATH, null, audio(), fields("model", "whisper",
                        "api_key", CLIENT_KEY));

                assertThat(refused.status()).as(refused.body()).isEqualTo(401);
                assertThat(refused.body()).contains("Incorrect API key").doesNotContain(CLIENT_KEY);
            }
            var usual = postTranscription(proxy, PATH, null, audio(), fields("model", "whisper"));

            assertThat(usual.status()).as(usual.body()).isEqualTo(200);
            assertThat(configured.seen()).hasSize(1);
        }
    }

    private Path config(FakeSpeechVendor configured, boolean allow) {
        return TestFiles.config(dir, "credentials.yaml", """
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1, api_key: %s, api_base: "%s"}
                router_settings: {num_retries: 1, allowed_fails: 0}
                general_settings:
                  allow_client_side_credentials: %s
                """.formatted(PROXY_KEY, configured.baseUrl(), allow));
    }

    private Path audio() {
        return TestFiles.wav(dir, "speech.wav", 2048);
    }
}
