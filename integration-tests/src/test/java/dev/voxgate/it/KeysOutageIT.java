package dev.voxgate.it;

import static dev.voxgate.it.KeysIT.awaitSpendRows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.keys.KeyText;
import dev.voxgate.keys.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key database going away under load, and the proxy stopping while spend waits: known keys keep working, no
 * call fails for it, and every served call is in the spend log once the database is back.
 */
class KeysOutageIT {

    private static final String MASTER = "sk-master-of-outages";

    @TempDir
    static Path dir;

    @Test
    void whileTheDatabaseIsDownKnownKeysKeepWorkingUnknownOnesGet503AndNoSpendIsLost() throws Exception {
        try (PostgresServer database = PostgresServer.startOwn();
             FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", "still served");
             RunningProxy proxy = KeysIT.proxy(config(database.url()), vendor)) {
            KeyAdmin admin = new KeyAdmin(proxy.baseUrl(), MASTER);
            String known = admin.generate("{\"key_alias\": \"known\", \"max_budget\": 10}");
            String stranger = admin.generate("{\"key_alias\": \"stranger\"}");
            List<String> served = new ArrayList<>();
            served.add(served(transcribe(proxy.baseUrl(), known)));

            database.stop();
            // Past the key's 1 s in memory: it is looked for again, and the database does not answer.
            Thread.sleep(1_200);
            for (int i = 0; i < 8; i++) {
                served.add(served(transcribe(proxy.baseUrl(), known)));
            }
            ProxyClients.Answer unknown = transcribe(proxy.baseUrl(), stranger);
            assertThat(unknown.status()).isEqualTo(503);
            assertThat(unknown.body()).contains("key database does not answer");
            assertThat(ProxyClients.call(new Request.Builder().url(proxy.baseUrl() + "/metrics").build()).body()).contains("voxgate_key_database_up 0.0")
                    .containsPattern("voxgate_spend_buffer_rows [1-9]");

            database.restart();

            var rows = awaitSpendRows(admin, "api_key=" + known, served.size());
            assertThat(rows).extracting(row -> row.get("request_id").asText())
                    .containsExactlyInAnyOrderElementsOf(served);
            assertThat(transcribe(proxy.baseUrl(), stranger).status()).isEqualTo(200);
        }
    }

    @Test
    void spendWaitingWhenTheProxyIsStoppedIsInTheDatabaseAfterItExits() throws Exception {
        try (PostgresServer database = PostgresServer.startOwn();
             FakeSpeechVendor vendor = FakeSpeechVendor.openAi("sk-fake", "served before SIGTERM");
             ProxyProcess proxy = ProxyProcess.start(config(database.url()), Map.of("OPENAI_API_KEY", "sk-fake",
                     "OPENAI_API_BASE", vendor.baseUrl()))) {
            String baseUrl = "http://127.0.0.1:" + proxy.awaitPort(Duration.ofSeconds(60));
            String key = new KeyAdmin(baseUrl, MASTER).generate("{\"key_alias\": \"stopping\"}");
            assertThat(transcribe(baseUrl, key).status()).isEqualTo(200);
            database.stop();
            for (int i = 0; i < 3; i++) {
                assertThat(transcribe(baseUrl, key).status()).isEqualTo(200);
            }

            proxy.terminate();
            Thread.sleep(1_000);
            database.restart();

            assertThat(proxy.awaitExit(Duration.ofSeconds(40))).isZero();
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", null);
                 PreparedStatement count = connection.prepareStatement(
                         "SELECT count(*) FROM voxgate_spend_logs WHERE token_hash = ?")) {
                count.setString(1, KeyText.hash(key));
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    assertThat(result.getInt(1)).as(String.join("\n", proxy.output())).isEqualTo(4);
                }
            }
        }
    }

    private static String served(ProxyClients.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.header("x-request-id");
    }

    private static ProxyClients.Answer transcribe(String baseUrl, String key) {
        MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", "three.wav", RequestBody.create(TestFiles.tone(dir, "three.wav", 3).toFile(),
                        MediaType.get("audio/wav")))
                .addFormDataPart("model", "whisper").build();
        return ProxyClients.call(new Request.Builder().url(baseUrl + "/v1/audio/transcriptions")
                .header("Authorization", "Bearer " + key).post(form).build());
    }

    private static Path config(String databaseUrl) {
        return KeysIT.config(dir, MASTER, databaseUrl, 1);
    }
}
