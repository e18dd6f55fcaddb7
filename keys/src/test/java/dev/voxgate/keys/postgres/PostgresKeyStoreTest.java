package dev.voxgate.keys.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.keys.Access;
import dev.voxgate.keys.KeyText;
import dev.voxgate.keys.Settings;
import dev.voxgate.keys.SpendQuery;
import dev.voxgate.keys.SpendRow;
import dev.voxgate.keys.StoreUnavailable;
import dev.voxgate.keys.Team;
import dev.voxgate.keys.VirtualKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresKeyStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static PostgresServer server;
    private static Database database;
    private static PostgresKeyStore store;

    @BeforeAll
    static void start() {
        server = PostgresServer.start();
        database = new Database(server.jdbcUrl(), "postgres", null, Duration.ofSeconds(2));
        store = new PostgresKeyStore(database);
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aKeyIsFoundByTheHashOfItsTextWithItsTeamAndIsGoneOnceDeleted() {
        store.createTeam("research", settings(Optional.of("research-team"), List.of("whisper", "nova")), NOW);
        String text = KeyText.generate();
        String hash = KeyText.hash(text);
        VirtualKey made = store.createKey(hash, KeyText.name(text), new Settings(Optional.of("app-1"),
                Optional.of(List.of("whisper")), Optional.of(new BigDecimal("2.5")), Optional.of("30d"),
                Optional.of(100), Optional.of(600), Optional.of(4), Optional.of("{\"owner\":\"ana\"}")),
                Optional.of(NOW.plusSeconds(3600)), Optional.of("research"), NOW);

        assertThat(made.allowance().budget().resetAt()).contains(NOW.plus(Duration.ofDays(30)));
        Access found = store.find(hash).orElseThrow();
        assertThat(found.key().alias()).contains("app-1");
        assertThat(found.key().allowance().models()).containsExactly("whisper");
        assertThat(found.key().allowance().limits().rpm()).contains(100);
        assertThat(found.key().metadataJson()).contains("\"owner\"");
        assertThat(found.team().map(team -> team.allowance().models())).contains(List.of("whisper", "nova"));
        assertThat(store.find(KeyText.hash(text + "x"))).isEmpty();

        assertThat(store.deleteKeys(List.of(), List.of("app-1"))).containsExactly(hash);
        assertThat(store.find(hash)).isEmpty();
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndATakenAliasOrAMissingTeamIsTheCallersToFix() {
        String hash = KeyText.hash(KeyText.generate());
        store.createKey(hash, "sk-...abcd", settings(Optional.of("update-me"), List.of("whisper")), Optional.empty(),
                Optional.empty(), NOW);
        VirtualKey changed = store.updateKey(hash, new Settings(Optional.empty(), Optional.empty(),
                Optional.of(BigDecimal.ONE), Optional.empty(), Optional.of(7), Optional.empty(), Optional.empty(),
                Optional.empty()), Optional.empty(), Optional.empty(), NOW.plusSeconds(5)).orElseThrow();
        assertThat(changed.alias()).contains("update-me");
        assertThat(changed.allowance().models()).containsExactly("whisper");
        assertThat(changed.allowance().budget().max()).contains(new BigDecimal("1.0000000000"));
        assertThat(changed.allowance().limits().rpm()).contains(7);

        assertThatThrownBy(() -> store.createKey(KeyText.hash(KeyText.generate()), "sk-...wxyz",
                settings(Optional.of("update-me"), List.of()), Optional.empty(), Optional.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key_alias 'update-me' is taken");
        assertThatThrownBy(() -> store.createKey(KeyText.hash(KeyText.generate()), "sk-...wxyz",
                settings(Optional.empty(), List.of()), Optional.empty(), Optional.of("nobody"), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no team 'nobody'");
        assertThat(store.updateKey(KeyText.hash("sk-none"), settings(Optional.empty(), List.of()), Optional.empty(),
                Optional.empty(), NOW)).isEmpty();
    }

    @Test
    void spendRowsRaiseTheirKeysAndTeamsTotalsOnceEvenWhenTheBatchIsWrittenTwice() {
        store.createTeam("spenders", settings(Optional.empty(), List.of()), NOW);
        String hash = KeyText.hash(KeyText.generate());
        store.createKey(hash, "sk-...1234", settings(Optional.of("spender"), List.of()), Optional.empty(),
                Optional.of("spenders"), NOW);
        List<SpendRow> batch = List.of(row("req-1", hash, "0.0003"), row("req-2", hash, "0.0004"));

        store.record(batch, NOW);
        store.record(batch, NOW);

        Access access = store.find(hash).orElseThrow();
        assertThat(access.key().allowance().spend()).isEqualByComparingTo("0.0007");
        assertThat(access.team().orElseThrow().allowance().spend()).isEqualByComparingTo("0.0007");
        List<SpendRow> logged = store.spendLogs(new SpendQuery(Optional.of(hash), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 100));
        assertThat(logged).extracting(SpendRow::requestId).containsExactly("req-2", "req-1");
        assertThat(logged.getFirst().audioSeconds()).hasValue(3.0);
        assertThat(store.spendLogs(new SpendQuery(Optional.empty(), Optional.of("spenders"), Optional.of("whisper"),
                Optional.empty(), Optional.of(NOW.plusSeconds(2)), Optional.empty(), 100)))
                .extracting(SpendRow::requestId).containsExactly("req-2");
    }

    @Test
    void aBudgetWhosePeriodEndedStartsAgainFromZero() {
        String hash = KeyText.hash(KeyText.generate());
        store.createKey(hash, "sk-...5678", new Settings(Optional.empty(), Optional.empty(),
                Optional.of(BigDecimal.ONE), Optional.of("1h"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), Optional.empty(), Optional.empty(), NOW);
        store.record(List.of(row("reset-1", hash, "0.5")), NOW.plusSeconds(60));
        store.record(List.of(row("reset-2", hash, "0.25")), NOW.plus(Duration.ofMinutes(61)));

        VirtualKey key = store.find(hash).orElseThrow().key();
        assertThat(key.allowance().spend()).isEqualByComparingTo("0.25");
        assertThat(key.allowance().budget().resetAt()).contains(NOW.plus(Duration.ofMinutes(121)));
    }

    @Test
    void aDatabaseThatIsDownAtFirstUseIsUnavailableThenMigratedOnceItAnswers() {
        try (PostgresServer own = PostgresServer.startOwn()) {
            own.stop();
            try (Database later = new Database(own.jdbcUrl(), "postgres", null, Duration.ofMillis(500))) {
                PostgresKeyStore away = new PostgresKeyStore(later);
                assertThatThrownBy(() -> away.find("0".repeat(64))).isInstanceOf(StoreUnavailable.class)
                        .hasMessageContaining("does not answer");
                assertThat(later.up()).isFalse();

                own.restart();
                assertThat(away.find("0".repeat(64))).isEmpty();
                assertThat(later.up()).isTrue();
            }
        }
    }

    private static Settings settings(Optional<String> alias, List<String> models) {
        return new Settings(alias, Optional.of(models), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static SpendRow row(String requestId, String hash, String cost) {
        Instant start = NOW.plusSeconds(Integer.parseInt(requestId.replaceAll("\\D", "")));
        return new SpendRow(UUID.nameUUIDFromBytes(requestId.getBytes()), requestId, Optional.of(hash), Optional.of("spender"), Optional.of("spenders"),
                Optional.of("whisper"), Optional.of("whisper-a"), OptionalDouble.of(3), new BigDecimal(cost), 200,
                start, start.plusMillis(300));
    }
}
