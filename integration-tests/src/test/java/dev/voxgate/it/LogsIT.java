package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy jar's log: with {@code litellm_settings.json_logs} every line it writes is one JSON object, whatever wrote
 * it, and each request leaves one access line with every field; without it, readable text with one access line per
 * request. Neither ever holds a provider key or the master key.
 */
class LogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI_KEY = "sk-proj-LogsIT-Provider-4Kd9";
    private static final String MASTER_KEY = "sk-master-LogsIT-8Wq3";
    private static final List<String> ACCESS_FIELDS = List.of("request_id", "route", "model_group", "deployment",
            "provider", "status", "failure_kind", "attempts", "fallbacks", "audio_seconds", "cost_usd", "total_ms",
            "overhead_ms", "client");
    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void withJsonLogsEveryLineIsAJsonObjectAndEveryRequestHasAnAccessLine(@TempDir Path dir) throws Exception {
        Path audio = TestFiles.tone(dir, "three-seconds.wav", 3);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "logged transcript");
             FakeSpeechVendor broken = FakeSpeechVendor.openAi(OPENAI_KEY, "unused");
             ProxyProcess proxy = ProxyProcess.startHarness(LoggingFrontDoors.class, environment(),
                     "--config", config(dir, openAi, broken, "litellm_settings: {json_logs: true}").toString(),
                     "--host", "127.0.0.1", "--port", "0")) {
            broken.failWith(500, "{\"error\":{\"message\":\"down\",\"type\":\"server_error\"}}");
            String base = "http://127.0.0.1:" + proxy.awaitPort(START);
            proxy.awaitOutput(LoggingFrontDoors.DONE, START);

            var answered = transcribe(base, audio, "whisper", "Bearer " + MASTER_KEY);
            var refused = transcribe(base, audio, "whisper", null);
            var notMultipart = ProxyClients.call(new Request.Builder().url(base + "/v1/audio/transcriptions")
                    .header("Authorization", "Bearer " + MASTER_KEY)
                    .post(RequestBody.create("{}", MediaType.get("application/json"))).build());
            var failed = transcribe(base, audio, "broken", "Bearer " + MASTER_KEY);
            proxy.awaitOutput("\"status\":502", START);
            proxy.terminate();
            assertThat(proxy.awaitExit(START)).isZero();

            List<JsonNode> lines = proxy.output().stream().map(LogsIT::parse).toList();
            assertThat(List.of(answered.status(), refused.status(), notMultipart.status(), failed.status()))
                    .containsExactly(200, 401, 400, 502);
            assertThat(messages(lines, "stdout")).anyMatch(line -> line.startsWith("Voxgate listening on"))
                    .anyMatch(line -> line.startsWith("  model group whisper"));
            assertThat(messages(lines, "probe.system-logger")).containsExactly("a line through System.Logger");
            assertThat(messages(lines, "probe.jul")).containsExactly("a line through java.util.logging");
            assertThat(messages(lines, "stderr")).containsExactly("a line printed on standard error");
            List<JsonNode> access = lines.stream().filter(line -> line.path("logger").asText().equals("voxgate.access"))
                    .toList();
            assertThat(access).hasSize(4).allSatisfy(line -> assertThat(line.properties()).extracting(Map.Entry::getKey)
                    .containsAll(ACCESS_FIELDS).contains("time", "level", "message"));
            JsonNode ok = access.getFirst();
            assertThat(ok.get("request_id").asText()).isEqualTo(answered.header("x-request-id"));
            assertThat(ok.get("message").asText()).isEqualTo("POST /v1/audio/transcriptions");
            assertThat(text(ok, "route", "model_group", "deployment", "provider", "client"))
                    .containsExactly("transcriptions", "whisper", "whisper-openai", "openai", "127.0.0.1");
            assertThat(ok.get("status").asInt()).isEqualTo(200);
            assertThat(ok.get("failure_kind").isNull()).isTrue();
            assertThat(ok.get("attempts").asInt()).isEqualTo(1);
            assertThat(ok.get("fallbacks").asInt()).isZero();
            assertThat(ok.get("audio_seconds").asDouble()).isEqualTo(3.0);
            assertThat(ok.get("cost_usd").decimalValue()).isEqualByComparingTo("0.0003");
            assertThat(ok.get("total_ms").isNumber()).isTrue();
            assertThat(ok.get("overhead_ms").asDouble()).isBetween(0.0, ok.get("total_ms").asDouble());
            assertThat(text(access.get(1), "status", "failure_kind")).containsExactly("401", "authentication");
            assertThat(access.get(2).get("failure_kind").asText()).isEqualTo("bad_request");
            assertThat(text(access.get(3), "model_group", "deployment", "failure_kind"))
                    .containsExactly("broken", "broken-openai", "server_error");
            assertNoKeyIn(String.join("\n", proxy.output()));
        }
    }

    @Test
    void withoutJsonLogsTheLogIsTextWithOneReadableAccessLinePerRequest(@TempDir Path dir) throws Exception {
        Path audio = TestFiles.tone(dir, "three-seconds.wav", 3);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi(OPENAI_KEY, "logged transcript");
             FakeSpeechVendor broken = FakeSpeechVendor.openAi(OPENAI_KEY, "unused");
             ProxyProcess proxy = ProxyProcess.start(config(dir, openAi, broken, ""), environment())) {
            String base = "http://127.0.0.1:" + proxy.awaitPort(START);

            var answered = transcribe(base, audio, "whisper", "Bearer " + MASTER_KEY);
            var refused = transcribe(base, audio, "whisper", "Bearer not-the-key");
            proxy.awaitOutput("status=401", START);
            proxy.terminate();
            assertThat(proxy.awaitExit(START)).isZero();

            List<String> output = proxy.output();
            assertThat(output).noneMatch(line -> line.startsWith("{"))
                    .anyMatch(line -> line.matches("Voxgate listening on http://127\\.0\\.0\\.1:\\d+"))
                    .anyMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* INFO "
                            + "ProxyServer - stopping: .*"));
            List<Map<String, String>> access = output.stream()
                    .filter(line -> line.contains(" INFO access - POST /v1/audio/transcriptions ")).map(LogsIT::pairs)
                    .toList();
            assertThat(access).hasSize(2).allSatisfy(line -> assertThat(line).containsOnlyKeys(ACCESS_FIELDS));
            assertThat(access.getFirst()).containsEntry("request_id", answered.header("x-request-id"))
                    .containsEntry("route", "transcriptions").containsEntry("model_group", "whisper")
                    .containsEntry("deployment", "whisper-openai").containsEntry("provider", "openai")
                    .containsEntry("status", "200").containsEntry("failure_kind", "null")
                    .containsEntry("attempts", "1").containsEntry("fallbacks", "0")
                    .containsEntry("audio_seconds", "3.0").containsEntry("client", "127.0.0.1");
            assertThat(Double.parseDouble(access.getFirst().get("cost_usd"))).isEqualTo(0.0003);
            assertThat(access.get(1)).containsEntry("status", "401").containsEntry("failure_kind", "authentication")
                    .containsEntry("request_id", refused.header("x-request-id"));
            assertNoKeyIn(String.join("\n", output));
        }
    }

    private static Map<String, String> environment() {
        return Map.of("OPENAI_API_KEY", OPENAI_KEY, "LITELLM_MASTER_KEY", MASTER_KEY);
    }

    private static Path config(Path dir, FakeSpeechVendor openAi, FakeSpeechVendor broken, String litellmSettings) {
        return TestFiles.config(dir, "logs.yaml", """
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1, api_key: os.environ/OPENAI_API_KEY, api_base: "%s",
                                     input_cost_per_second: 0.0001}
                    model_info: {id: whisper-openai}
                  - model_name: broken
                    litellm_params: {model: whisper-1, api_key: os.environ/OPENAI_API_KEY, api_base: "%s"}
                    model_info: {id: broken-openai}
                router_settings: {num_retries: 0}
                general_settings: {master_key: os.environ/LITELLM_MASTER_KEY}
                %s
                """.formatted(openAi.baseUrl(), broken.baseUrl(), litellmSettings));
    }

    private static ProxyClients.Answer transcribe(String base, Path audio, String model, String authorization) {
        return postTranscription(base, "/v1/audio/transcriptions", authorization, audio, fields("model", model),
                Map.of());
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            assertThat(json.isObject()).as("a JSON object: %s", line).isTrue();
            return json;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a line of JSON: " + line, e);
        }
    }

    private static List<String> messages(List<JsonNode> lines, String logger) {
        return lines.stream().filter(line -> line.path("logger").asText().equals(logger))
                .map(line -> line.path("message").asText()).toList();
    }

    private static List<String> text(JsonNode line, String... names) {
        return java.util.Arrays.stream(names).map(name -> line.path(name).asText()).toList();
    }

    // The fields after the message, written name=value and separated by spaces.
    private static Map<String, String> pairs(String line) {
        Map<String, String> pairs = new LinkedHashMap<>();
        String fields = line.substring(line.indexOf(" INFO access - POST /v1/audio/transcriptions ")
                + " INFO access - POST /v1/audio/transcriptions ".length());
        for (String pair : fields.split(" ")) {
            pairs.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return pairs;
    }

    private static void assertNoKeyIn(String log) {
        for (String key : List.of(OPENAI_KEY, MASTER_KEY, OPENAI_KEY.substring(8, 20), MASTER_KEY.substring(10))) {
            assertThat(log).as("the proxy's log").doesNotContain(key);
        }
    }
}
