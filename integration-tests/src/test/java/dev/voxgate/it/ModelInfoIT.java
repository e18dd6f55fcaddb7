package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.get;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /model/info} over a config of four vendors: every deployment with its parameters, capabilities, price
 * and live state, no credential anywhere in the body, only with the master key, and a deployment's state changing
 * once it fails and rests.
 */
class ModelInfoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI_KEY = "sk-proj-ModelInfo-Openai-1Xr7";
    private static final String GROQ_KEY = "gsk_ModelInfo_Groq_5Tn2";
    private static final String AZURE_KEY = "azureModelInfoKey8Hb4";
    private static final String DEEPGRAM_KEY = "dgModelInfoKey3Vc9";
    private static final String FLAKY_KEY = "sk-proj-ModelInfo-Flaky-6Pz1";
    private static final String MASTER_KEY = "sk-master-ModelInfo-2Lm8";
    private static final String SPARE_PASSWORD = "spare-Password-ModelInfo-4Qw6";
    private static final List<String> SECRETS = List.of(OPENAI_KEY, GROQ_KEY, AZURE_KEY, DEEPGRAM_KEY, FLAKY_KEY,
            MASTER_KEY, SPARE_PASSWORD);

    @Test
    void everyDeploymentIsListedWithItsParamsCapabilitiesPriceAndStateAndNoSecret(@TempDir Path dir)
            throws Exception {
        try (Vendors vendors = new Vendors(); RunningProxy proxy = vendors.proxy(dir)) {
            ProxyClients.Answer answer = get(proxy, "/model/info", MASTER_KEY);
            JsonNode data = JSON.readTree(answer.body()).get("data");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(ids(data)).containsExactly("whisper-openai", "whisper-groq", "azure-eu", "deepgram-nova",
                    "flaky-openai", "spare-self-hosted");
            assertThat(data).allSatisfy(entry -> {
                assertThat(entry.get("model_name").asText()).isNotBlank();
                assertThat(entry.at("/litellm_params/model").asText()).contains("/");
                assertThat(entry.get("litellm_params").has("api_key")).isFalse();
                assertThat(entry.at("/model_info/capabilities/response_formats")).isNotEmpty();
                assertThat(entry.at("/model_info/status/resting").asBoolean()).isFalse();
                assertThat(entry.at("/model_info/status/in_flight").asInt()).isZero();
            });
            JsonNode openAi = entry(data, "whisper-openai");
            assertThat(openAi.get("model_name").asText()).isEqualTo("whisper");
            assertThat(openAi.at("/litellm_params/api_base").asText()).isEqualTo(vendors.openAi.baseUrl());
            assertThat(openAi.at("/model_info/litellm_provider").asText()).isEqualTo("openai");
            assertThat(openAi.at("/model_info/input_cost_per_second").decimalValue()).isEqualByComparingTo("0.0001");
            assertThat(texts(openAi.at("/model_info/capabilities/tasks"))).contains("transcriptions", "translations");
            assertThat(texts(openAi.at("/model_info/capabilities/timestamp_granularities")))
                    .containsExactly("word", "segment");
            JsonNode groq = entry(data, "whisper-groq");
            assertThat(groq.at("/model_info/litellm_provider").asText()).isEqualTo("groq");
            assertThat(groq.at("/model_info/minimum_billed_seconds").asDouble()).isEqualTo(10.0);
            assertThat(groq.at("/model_info/price_source").asText()).isNotBlank();
            assertThat(entry(data, "azure-eu").at("/litellm_params/api_version").asText()).isEqualTo("2024-10-21");
            JsonNode deepgram = entry(data, "deepgram-nova");
            assertThat(deepgram.at("/litellm_params/smart_format").asText()).isEqualTo("true");
            assertThat(texts(deepgram.at("/litellm_params/keyterm"))).containsExactly("Voxgate");
            assertThat(deepgram.at("/model_info/capabilities/params/keyterm").asText()).isEqualTo("list");
            assertThat(entry(data, "spare-self-hosted").at("/litellm_params/api_base").asText())
                    .isEqualTo("http://127.0.0.1:9/v1");
            for (String secret : SECRETS) {
                assertThat(answer.body()).as("the body of /model/info").doesNotContain(secret);
            }
            assertThat(JSON.readTree(get(proxy, "/v1/model/info", MASTER_KEY).body())).isEqualTo(JSON.readTree(
                    answer.body()));
        }
    }

    @Test
    void itNeedsTheMasterKeyAndFiltersByDeploymentId(@TempDir Path dir) throws Exception {
        try (Vendors vendors = new Vendors(); RunningProxy proxy = vendors.proxy(dir)) {
            for (String path : List.of("/model/info", "/v1/model/info")) {
                assertThat(get(proxy, path, null).status()).as(path).isEqualTo(401);
                assertThat(get(proxy, path, "sk-not-the-master-key").status()).as(path).isEqualTo(401);
            }
            JsonNode one = JSON.readTree(get(proxy, "/model/info?litellm_model_id=azure-eu", MASTER_KEY).body());
            ProxyClients.Answer unknown = get(proxy, "/model/info?litellm_model_id=no-such-id", MASTER_KEY);

            assertThat(ids(one.get("data"))).containsExactly("azure-eu");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(JSON.readTree(unknown.body()).at("/error/param").asText()).isEqualTo("litellm_model_id");
        }
    }

    @Test
    void aDeploymentThatFailsShowsResting(@TempDir Path dir) throws Exception {
        try (Vendors vendors = new Vendors(); RunningProxy proxy = vendors.proxy(dir)) {
            vendors.flaky.failWith(500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
            JsonNode before = entry(JSON.readTree(get(proxy, "/model/info", MASTER_KEY).body()).get("data"),
                    "flaky-openai").at("/model_info/status");
            Instant failedAfter = Instant.now();

            int status = postTranscription(proxy, "/v1/audio/transcriptions", "Bearer " + MASTER_KEY,
                    Examples.audio(), fields("model", "flaky")).status();
            JsonNode data = JSON.readTree(get(proxy, "/model/info", MASTER_KEY).body()).get("data");
            JsonNode after = entry(data, "flaky-openai").at("/model_info/status");

            assertThat(status).isEqualTo(502);
            assertThat(before.get("resting").asBoolean()).isFalse();
            assertThat(before.get("last_failure").isNull()).isTrue();
            assertThat(after.get("resting").asBoolean()).isTrue();
            assertThat(Instant.parse(after.get("resting_until").asText())).isAfter(Instant.now());
            assertThat(after.get("last_failure").asText()).isEqualTo("server_error");
            assertThat(Instant.parse(after.get("last_failure_at").asText())).isAfterOrEqualTo(failedAfter);
            assertThat(after.get("in_flight").asInt()).isZero();
            assertThat(entry(data, "whisper-openai").at("/model_info/status/resting").asBoolean()).isFalse();
        }
    }

    private static List<String> ids(JsonNode data) {
        return StreamSupport.stream(data.spliterator(), false).map(entry -> entry.at("/model_info/id").asText())
                .toList();
    }

    private static JsonNode entry(JsonNode data, String id) {
        return StreamSupport.stream(data.spliterator(), false)
                .filter(entry -> entry.at("/model_info/id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no deployment " + id + " in " + data));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** A fake of each vendor the config names, each checking its own key. */
    private static final class Vendors implements AutoCloseable {
        final FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "openai transcript");
        final FakeSpeechVendor groq = FakeSpeechVendor.groq(GROQ_KEY, "groq transcript");
        final FakeSpeechVendor azure = FakeSpeechVendor.azure(AZURE_KEY, "azure transcript", "whisper-eu");
        final FakeDeepgram deepgram = new FakeDeepgram(DEEPGRAM_KEY, "deepgram transcript");
        final FakeSpeechVendor flaky = FakeSpeechVendor.openAi(FLAKY_KEY, "flaky transcript");

        RunningProxy proxy(Path dir) {
            Path config = TestFiles.config(dir, "model-info.yaml", """
                    model_list:
                      - model_name: whisper
                        litellm_params: {model: whisper-1, api_key: os.environ/OPENAI_API_KEY, api_base: "%s",
                                         input_cost_per_second: 0.0001}
                        model_info: {id: whisper-openai}
                      - model_name: whisper
                        litellm_params: {model: groq/whisper-large-v3, api_key: os.environ/GROQ_API_KEY,
                                         api_base: "%s"}
                        model_info: {id: whisper-groq}
                      - model_name: azure
                        litellm_params: {model: azure/whisper-eu, api_key: os.environ/AZURE_API_KEY, api_base: "%s",
                                         api_version: "2024-10-21"}
                        model_info: {id: azure-eu}
                      - model_name: nova
                        litellm_params: {model: deepgram/nova-3, api_key: os.environ/DEEPGRAM_API_KEY,
                                         api_base: "%s", smart_format: true, keyterm: [Voxgate]}
                        model_info: {id: deepgram-nova}
                      - model_name: flaky
                        litellm_params: {model: whisper-1, api_key: os.environ/FLAKY_KEY, api_base: "%s"}
                        model_info: {id: flaky-openai}
                      - model_name: spare
                        litellm_params: {model: openai/Systran/faster-whisper-small,
                                         api_base: "http://spare-user:%s@127.0.0.1:9/v1"}
                        model_info: {id: spare-self-hosted}
                    router_settings: {num_retries: 0, allowed_fails: 0, cooldown_time: 60}
                    general_settings: {master_key: os.environ/LITELLM_MASTER_KEY}
                    """.formatted(openAi.baseUrl(), groq.baseUrl(), azure.baseUrl(), deepgram.baseUrl(),
                    flaky.baseUrl(), SPARE_PASSWORD));
            return RunningProxy.start(config, Map.of("OPENAI_API_KEY", OPENAI_KEY, "GROQ_API_KEY", GROQ_KEY,
                    "AZURE_API_KEY", AZURE_KEY, "DEEPGRAM_API_KEY", DEEPGRAM_KEY, "FLAKY_KEY", FLAKY_KEY,
                    "LITELLM_MASTER_KEY", MASTER_KEY));
        }

        @Override
        public void close() {
            openAi.close();
            groq.close();
            azure.close();
            deepgram.close();
            flaky.close();
        }
    }
}
