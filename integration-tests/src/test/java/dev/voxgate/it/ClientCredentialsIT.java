package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.it.ProxyClients.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's own {@code api_key}/{@code api_base}/{@code api_version}: refused unless
 * {@code general_settings.allow_client_side_credentials} is on; when on, used for that call only, on the proxy's shared
 * deployments (their limits hold, a wrong client key rests none of them), and never a way to send the proxy's key to
 * a host or an API version the client chose.
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

    @Test
    void whenAllowedAnApiVersionWithoutTheClientsOwnKeyIsRefusedSoTheProxysKeyKeepsItsVersion() {
        try (FakeSpeechVendor configured = FakeSpeechVendor.openAi(PROXY_KEY, "configured");
             RunningProxy proxy = RunningProxy.start(config(configured, true), Map.of())) {
            var answer = postTranscription(proxy, PATH, null, audio(), fields("model", "whisper",
                    "api_version", "2025-01-01-preview"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"param\":\"api_key\"").contains("'api_version' needs 'api_key' too");
            assertThat(configured.requestCount()).isZero();
        }
    }

    @Test
    void whenAllowedCallsOnTheClientsOwnKeyAndOnTheProxysCountAgainstTheSameRpm() {
        RpmRun clientsFirst = twoCallsOnADeploymentOfRpmOne(true);
        RpmRun clientsSecond = twoCallsOnADeploymentOfRpmOne(false);

        assertThat(List.of(clientsFirst.first().status(), clientsFirst.second().status()))
                .as(clientsFirst.second().body()).containsExactly(200, 429);
        assertThat(clientsFirst.second().body()).contains("no_healthy_deployment");
        assertThat(clientsFirst.configuredCalls()).isZero();
        assertThat(List.of(clientsSecond.first().status(), clientsSecond.second().status()))
                .as(clientsSecond.second().body()).containsExactly(200, 429);
        assertThat(clientsSecond.clientsCalls()).isZero();
    }

    @Test
    void whenAllowedAClientsWrongKeyDoesNotRestTheDeploymentItFailedOn() {
        try (FakeSpeechVendor first = FakeSpeechVendor.openAi(PROXY_KEY, "first");
             FakeSpeechVendor second = FakeSpeechVendor.openAi(PROXY_KEY, "second");
             RunningProxy proxy = RunningProxy.start(TestFiles.config(dir, "two.yaml", """
                     model_list:
                       - {model_name: whisper, litellm_params: {model: whisper-1, api_key: %s, api_base: "%s", order: 1}}
                       - {model_name: whisper, litellm_params: {model: whisper-1, api_key: %s, api_base: "%s", order: 2}}
                     router_settings: {num_retries: 0, allowed_fails: 0, cooldown_time: 60}
                     general_settings: {allow_client_side_credentials: true}
                     """.formatted(PROXY_KEY, first.baseUrl(), PROXY_KEY, second.baseUrl())), Map.of())) {
            // A 401 on the proxy's own key would rest the first deployment at once, its group having another.
            for (int i = 0; i < 3; i++) {
                var refused = postTranscription(proxy, PATH, null, audio(), fields("model", "whisper",
                        "api_key", CLIENT_KEY));

                assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            }
            var usual = postTranscription(proxy, PATH, null, audio(), fields("model", "whisper"));

            assertThat(usual.status()).as(usual.body()).isEqualTo(200);
            assertThat(usual.body()).contains("first");
            assertThat(first.requestCount()).isEqualTo(4);
            assertThat(second.requestCount()).isZero();
        }
    }

    /** Two calls to group whisper, whose one deployment takes one request a minute: one on the client's key. */
    private RpmRun twoCallsOnADeploymentOfRpmOne(boolean clientsFirst) {
        try (FakeSpeechVendor configured = FakeSpeechVendor.openAi(PROXY_KEY, "configured");
             FakeSpeechVendor clients = FakeSpeechVendor.openAi(CLIENT_KEY, "client's own");
             RunningProxy proxy = RunningProxy.start(TestFiles.config(dir, "limited.yaml", """
                     model_list:
                       - model_name: whisper
                         litellm_params: {model: whisper-1, api_key: %s, api_base: "%s", rpm: 1}
                     router_settings: {num_retries: 0}
                     general_settings: {allow_client_side_credentials: true}
                     """.formatted(PROXY_KEY, configured.baseUrl())), Map.of())) {
            Map<String, String> own = fields("model", "whisper", "api_key", CLIENT_KEY, "api_base", clients.baseUrl());
            Map<String, String> usual = fields("model", "whisper");
            awaitMinuteWithTimeToSpare();
            Answer first = postTranscription(proxy, PATH, null, audio(), clientsFirst ? own : usual);
            Answer second = postTranscription(proxy, PATH, null, audio(), clientsFirst ? usual : own);
            return new RpmRun(first, second, configured.requestCount(), clients.requestCount());
        }
    }

    private record RpmRun(Answer first, Answer second, int configuredCalls, int clientsCalls) {
    }

    // rpm counts per calendar minute: two calls that straddle a new minute would each find it unused.
    private static void awaitMinuteWithTimeToSpare() {
        int second = LocalTime.now(ZoneOffset.UTC).getSecond();
        if (second >= 50) {
            try {
                Thread.sleep(Duration.ofSeconds(61 - second));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
