package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.DeploymentConnector;
import dev.voxgate.router.Router;
import dev.voxgate.router.RouterSettings;
import dev.voxgate.tracing.Tracing;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller's own credentials go to the proxy's one shared router, which connects the named group's deployment over
 * them; they are refused unless the proxy allows them.
 */
class ClientCredentialsRoutingTest {

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
    private ProxyServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whenAllowedTheCallersKeyIsAppliedToTheSharedDeploymentForItsCallOnly() throws IOException {
        start(true);

        assertThat(post("api_key", "sk-callers-own")).isEqualTo(new Answer(200, "d1 on sk-callers-own\n"));
        assertThat(post(null, null)).isEqualTo(new Answer(200, "d1 on sk-proxy\n"));
    }

    @Test
    void whenAllowedAnApiVersionAloneIsRefusedOnApiKey() throws IOException {
        start(true);

        Answer answer = post("api_version", "2025-01-01");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"param\":\"api_key\"").contains("'api_version' needs 'api_key' too");
    }

    @Test
    void byDefaultTheCallersKeyIsRefused() throws IOException {
        start(false);

        Answer answer = post("api_key", "sk-callers-own");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"param\":\"api_key\"").contains("cannot be set by a client");
    }

    private void start(boolean allowClientCredentials) {
        // Every port says which deployment, on which key, it was connected for.
        DeploymentConnector connector = new DeploymentConnector() {
            @Override
            public TranscriptionPort connect(Deployment deployment) {
                String key = deployment.apiKey().map(Secret::reveal).orElse("no key");
                return request -> Transcription.ofText(deployment.id() + " on " + key);
            }

            @Override
            public Optional<Deployment> direct(String model) {
                return Optional.empty();
            }
        };
        Router router = Router.builder().connector(connector)
                .deployment(Deployment.builder("d1", "whisper", "openai", "whisper-1").apiKey(Secret.of("sk-proxy"))
                        .build())
                .settings(RouterSettings.builder().numRetries(0).build()).build();
        ProxySettings settings = new ProxySettings("127.0.0.1", 0, 64 * 1024, 1024)
                .withClientCredentials(allowClientCredentials);
        server = new ProxyServer(router, new Authenticator(Optional.empty()), new ObjectMapper(), settings,
                Tracing.off()).start();
    }

    private Answer post(String name, String value) throws IOException {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "whisper").addFormDataPart("response_format", "text")
                .addFormDataPart("file", "a.wav", RequestBody.create(TestAudio.wav(16, (byte) 0),
                        MediaType.get("audio/wav")));
        if (name != null) {
            form.addFormDataPart(name, value);
        }
        Request request = new Request.Builder().url("http://127.0.0.1:" + server.port() + "/v1/audio/transcriptions")
                .post(form.build()).build();
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private record Answer(int status, String body) {
    }
}
