package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxgate.keys.postgres.PostgresServer;
import dev.voxgate.state.redis.RedisServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Virtual keys, teams and spend through the proxy, kept in a real PostgreSQL. */
class KeysIT {

    private static final String MASTER = "sk-master-of-keys";
    private static final String TRANSCRIPT = "Four score and seven years ago";
    private static PostgresServer database;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startDatabase() {
        database = PostgresServer.start();
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aKeyForWhisperTranscribesOnWhisperIsRefusedOnAnotherGroupAndTheMasterKeyStillDoesEverything() {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = proxy(config(database.url(), 10), vendor)) {
            KeyAdmin admin = new KeyAdmin(proxy.baseUrl(), MASTER);
            String key = admin.generate("{\"models\": [\"whisper\"], \"key_alias\": \"app-whisper\"}");

            assertThat(key).startsWith("sk-");
            assertThat(transcribe(proxy, key, "whisper").status()).isEqualTo(200);
            ProxyClients.Answer other = transcribe(proxy, key, "nova");
            assertThat(other.status()).isEqualTo(401);
            assertThat(other.body()).contains("may not call model group 'nova'").contains("only 'whisper'")
                    .contains("key_model_access_denied");
            assertThat(transcribe(proxy, MASTER, "nova").status()).isEqualTo(200);
            JsonNode models = admin.get("/v1/models", key).body().get("data");
            assertThat(models).extracting(model -> model.get("id").asText()).containsExactly("whisper");
            JsonNode deployments = admin.get("/model/info", key).body().get("data");
            assertThat(deployments).extracting(entry -> entry.get("model_name").asText()).containsExactly("whisper");
            assertThat(admin.get("/model/info", MASTER).body().get("data")).hasSize(2);

            KeyAdmin.Reply info = admin.get("/key/info?key=" + key);
            assertThat(info.body().at("/info/key_alias").asText()).isEqualTo("app-whisper");
            assertThat(info.body().toString()).doesNotContain(key);
            assertThat(admin.post("/key/generate", "{}", key).status()).isEqualTo(403);
        }
    }

    @Test
    void aBudgetRefusesTheCallThatWouldGoOverItAndTheSpendLogHoldsExactlyTheServedCalls() throws Exception {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = proxy(config(database.url(), 10), vendor)) {
            KeyAdmin admin = new KeyAdmin(proxy.baseUrl(), MASTER);
            String key = admin.generate("{\"max_budget\": 0.0005, \"key_alias\": \"budgeted\"}");
            List<ProxyClients.Answer> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(transcribe(proxy, key, "whisper"));
            }

            // Each call costs $0.0003 (3 s at $0.0001/s): the third finds $0.0006 spent of $0.0005.
            assertThat(answers).extracting(ProxyClients.Answer::status).containsExactly(200, 200, 400);
            assertThat(answers.get(1).header("x-litellm-key-spend")).isEqualTo("0.0006");
            assertThat(answers.get(2).body()).contains("budget_exceeded").contains("$0.0006 of its $0.0005");
            JsonNode rows = awaitSpendRows(admin, "api_key=" + key, 2);
            assertThat(rows).extracting(row -> new BigDecimal(row.get("spend").asText()))
                    .allSatisfy(spend -> assertThat(spend).isEqualByComparingTo("0.0003"));
            assertThat(rows).extracting(row -> row.get("key_alias").asText()).containsOnly("budgeted");
            assertThat(rows).extracting(row -> row.get("request_id").asText())
                    .containsExactlyInAnyOrder(answers.get(0).header("x-request-id"),
                            answers.get(1).header("x-request-id"));
            assertThat(new BigDecimal(admin.get("/key/info?key=" + key).body().at("/info/spend").asText()))
                    .isEqualByComparingTo("0.0006");
        }
    }

    @Test
    void badInputToTheKeyRoutesIsA400NamingTheFieldToFix() {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = proxy(config(database.url(), 10), vendor)) {
            KeyAdmin admin = new KeyAdmin(proxy.baseUrl(), MASTER);
            Map<String, String> wrong = Map.of(
                    "{\"models\": \"whisper\"", "not valid JSON",
                    "[1, 2]", "must be a JSON object",
                    "{\"models\": \"whisper\"}", "'models' must be a list of strings",
                    "{\"max_budget\": -1}", "'max_budget' must be a number of US dollars",
                    "{\"rpm_limit\": 1.5}", "'rpm_limit' must be a whole number",
                    "{\"duration\": \"3 days\"}", "such as 30s, 10m, 1h, 30d, 2w or 1mo",
                    "{\"metadata\": [\"a\"]}", "'metadata' must be a JSON object",
                    "{\"team_id\": \"nobody\"}", "no team 'nobody'",
                    "{\"key\": \"short\"}", "must start with 'sk-'");
            wrong.forEach((body, message) -> {
                KeyAdmin.Reply reply = admin.post("/key/generate", body);
                assertThat(reply.status()).as(body).isEqualTo(400);
                assertThat(reply.body().at("/error/message").asText()).as(body).contains(message);
            });
            assertThat(admin.get("/spend/logs?start_date=yesterday").body().at("/error/param").asText())
                    .isEqualTo("start_date");
            assertThat(admin.post("/key/delete", "{\"keys\": [\"sk-never-made-0000000000\"]}").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aKeyThatLastsTwoSecondsIsRefusedAfterThree() throws Exception {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = proxy(config(database.url(), 10), vendor)) {
            String key = new KeyAdmin(proxy.baseUrl(), MASTER).generate("{\"duration\": \"2s\"}");
            assertThat(transcribe(proxy, key, "whisper").status()).isEqualTo(200);

            Thread.sleep(3_000);

            ProxyClients.Answer late = transcribe(proxy, key, "whisper");
            assertThat(late.status()).isEqualTo(401);
            assertThat(late.body()).contains("expired");
        }
    }

    @Test
    void aDeletedKeyIsRefusedAtOnceHereAndOnAnotherReplicaWithinTheCacheTime() throws Exception {
        Path config = config(database.url(), 1);
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy one = proxy(config, vendor);
             RunningProxy two = proxy(config, vendor)) {
            KeyAdmin admin = new KeyAdmin(one.baseUrl(), MASTER);
            String key = admin.generate("{\"key_alias\": \"short-lived\"}");
            assertThat(transcribe(two, key, "whisper").status()).isEqualTo(200);

            KeyAdmin.Reply deleted = admin.post("/key/delete", "{\"keys\": [\"" + key + "\"]}");

            assertThat(deleted.body().get("deleted_keys")).hasSize(1);
            assertThat(transcribe(one, key, "whisper").status()).isEqualTo(401);
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            int status = 200;
            while (status == 200 && System.nanoTime() < deadline) {
                status = transcribe(two, key, "whisper").status();
                Thread.sleep(100);
            }
            assertThat(status).as("the second replica refuses the deleted key within its 1 s cache time")
                    .isEqualTo(401);
        }
    }

    @Test
    void theDatabaseHoldsNoKeyTextOnlyItsHash() {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = proxy(config(database.url(), 10), vendor)) {
            String key = new KeyAdmin(proxy.baseUrl(), MASTER).generate("{\"key_alias\": \"dumped\"}");

            String dump = database.dump();

            assertThat(dump).contains("dumped").contains(dev.voxgate.keys.KeyText.hash(key)).doesNotContain(key)
                    .doesNotContain(key.substring(3));
        }
    }

    @Test
    void aTeamsModelsAndLimitsApplyToItsKeysAndARateLimitAnswers429WithRetryAfter() {
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = proxy(config(database.url(), 10), vendor)) {
            KeyAdmin admin = new KeyAdmin(proxy.baseUrl(), MASTER);
            assertThat(admin.post("/team/new", "{\"team_id\": \"speech-team\", \"models\": [\"whisper\"], "
                    + "\"rpm_limit\": 2}").status()).isEqualTo(200);
            String key = admin.generate("{\"team_id\": \"speech-team\", \"rpm_limit\": 1}");
            String sibling = admin.generate("{\"team_id\": \"speech-team\"}");
            awaitRoomInThisMinute();

            assertThat(transcribe(proxy, key, "nova").status()).isEqualTo(401);
            assertThat(transcribe(proxy, key, "whisper").status()).isEqualTo(200);
            ProxyClients.Answer limited = transcribe(proxy, key, "whisper");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.retryAfter()).isNotNull();
            assertThat(Integer.parseInt(limited.retryAfter())).isBetween(1, 60);
            assertThat(limited.body()).contains("rpm_limit 1");
            // The team's two a minute: the key's one and its sibling's one.
            assertThat(transcribe(proxy, sibling, "whisper").status()).isEqualTo(200);
            assertThat(transcribe(proxy, sibling, "whisper").body()).contains("team 'speech-team'");

            JsonNode team = admin.get("/team/info?team_id=speech-team").body();
            assertThat(team.get("keys")).hasSize(2);
            assertThat(admin.post("/team/delete", "{\"team_ids\": [\"speech-team\"]}").body().get("deleted_keys")
                    .asInt()).isEqualTo(2);
            assertThat(transcribe(proxy, sibling, "whisper").status()).isEqualTo(401);
        }
    }

    @Test
    void aKeysLimitHoldsAcrossReplicasThatShareRedis() {
        try (RedisServer redis = RedisServer.start();
             FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT)) {
            Map<String, String> environment = Map.of("OPENAI_API_KEY", "sk-fake", "OPENAI_API_BASE", vendor.baseUrl(),
                    "REDIS_URL", redis.url());
            Path config = config(database.url(), 10);
            try (RunningProxy one = RunningProxy.start(config, environment);
                 RunningProxy two = RunningProxy.start(config, environment)) {
                String key = new KeyAdmin(one.baseUrl(), MASTER).generate("{\"rpm_limit\": 3}");
                awaitRoomInThisMinute();

                List<Integer> statuses = new ArrayList<>();
                for (RunningProxy replica : List.of(one, two, one, two)) {
                    statuses.add(transcribe(replica, key, "whisper").status());
                }

                assertThat(statuses).containsExactly(200, 200, 200, 429);
            }
        }
    }

    @Test
    void withoutADatabaseTheKeyRoutesSaySoAndCallsWorkAsBefore(@TempDir Path own) {
        Path config = TestFiles.config(own, "no-database.yaml", """
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                general_settings:
                  master_key: %s
                """.formatted(MASTER));
        try (FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", TRANSCRIPT);
             RunningProxy proxy = proxy(config, vendor)) {
            KeyAdmin.Reply refused = new KeyAdmin(proxy.baseUrl(), MASTER).post("/key/generate", "{}");

            assertThat(refused.status()).isEqualTo(501);
            assertThat(refused.body().at("/error/message").asText()).contains("general_settings.database_url");
            assertThat(refused.body().at("/error/code").asText()).isEqualTo("no_database");
            assertThat(transcribe(proxy, MASTER, "whisper").status()).isEqualTo(200);
        }
    }

    // Limits count per calendar minute: a test of them starts where the minute has room for it.
    private static void awaitRoomInThisMinute() {
        int second = java.time.LocalTime.now(java.time.ZoneOffset.UTC).getSecond();
        if (second >= 50) {
            try {
                Thread.sleep((61 - second) * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static JsonNode awaitSpendRows(KeyAdmin admin, String query, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode rows = admin.get("/spend/logs?" + query).body();
        while (rows.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            rows = admin.get("/spend/logs?" + query).body();
        }
        assertThat(StreamSupport.stream(rows.spliterator(), false).toList()).as(rows.toString()).hasSize(count);
        return rows;
    }

    static Path config(String databaseUrl, int cacheSeconds) {
        return config(dir, MASTER, databaseUrl, cacheSeconds);
    }

    /** Groups whisper and nova at $0.0001 a second, with this master key, key database and key cache time. */
    static Path config(Path dir, String masterKey, String databaseUrl, int cacheSeconds) {
        return TestFiles.config(dir, "keys-" + cacheSeconds + "-" + Math.abs(databaseUrl.hashCode()) + ".yaml", """
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                      input_cost_per_second: 0.0001
                  - model_name: nova
                    litellm_params:
                      model: whisper-1
                      input_cost_per_second: 0.0001
                general_settings:
                  master_key: %s
                  database_url: %s
                  user_api_key_cache_ttl: %d
                """.formatted(masterKey, databaseUrl, cacheSeconds));
    }

    static RunningProxy proxy(Path config, FakeSpeechVendor vendor) {
        return RunningProxy.start(config, Map.of("OPENAI_API_KEY", "sk-fake", "OPENAI_API_BASE", vendor.baseUrl()));
    }

    static ProxyClients.Answer transcribe(RunningProxy proxy, String key, String group) {
        return postTranscription(proxy, "/v1/audio/transcriptions", "Bearer " + key,
                TestFiles.tone(dir, "three.wav", 3), fields("model", group));
    }
}
