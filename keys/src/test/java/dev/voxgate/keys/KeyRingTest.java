package dev.voxgate.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.router.state.DeploymentLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final String TEXT = "sk-the-key-of-this-test";
    private static final String HASH = KeyText.hash(TEXT);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final FakeStore store = new FakeStore();
    private final KeyRing ring = new KeyRing(store, Duration.ofSeconds(10), clock);

    @Test
    void aKeyIsReadOnceWithinItsTimeToLiveAndAgainAfterIt() {
        store.keys.put(HASH, key(Optional.empty(), List.of()));

        assertThat(ring.lookup(TEXT)).isInstanceOf(KeyRing.Lookup.Found.class);
        assertThat(ring.lookup(TEXT)).isInstanceOf(KeyRing.Lookup.Found.class);
        assertThat(store.finds).isEqualTo(1);
        now.set(now.get().plusSeconds(11));
        ring.lookup(TEXT);
        assertThat(store.finds).isEqualTo(2);
        assertThat(ring.lookup("sk-nobody-has-this")).isInstanceOf(KeyRing.Lookup.Unknown.class);
    }

    @Test
    void whileTheStoreIsAwayAKnownKeyKeepsWorkingWithoutAskingItAndAnUnknownOneIsUnavailable() {
        store.keys.put(HASH, key(Optional.empty(), List.of()));
        ring.lookup(TEXT);
        now.set(now.get().plusSeconds(11));
        store.away = true;

        assertThat(ring.lookup(TEXT)).isInstanceOf(KeyRing.Lookup.Found.class);
        assertThat(ring.lookup("sk-never-seen-before")).isInstanceOf(KeyRing.Lookup.Unavailable.class);
        assertThat(store.finds).isEqualTo(1);
    }

    @Test
    void spendNotYetWrittenCountsAgainstTheBudgetAndIsNotCountedTwiceOnceWritten() {
        store.keys.put(HASH, key(Optional.of(new BigDecimal("0.0005")), List.of()));
        Access access = found();
        SpendRow first = row("0.0003");
        SpendRow second = row("0.0003");

        ring.spent(first);
        assertThat(ring.refusal(access, "whisper", now.get())).isEmpty();
        ring.spent(second);
        assertThat(ring.refusal(found(), "whisper", now.get())).get()
                .satisfies(refusal -> assertThat(refusal.type()).isEqualTo("budget_exceeded"));

        ring.written(List.of(first, second));
        assertThat(ring.spend(found(), now.get())).isEqualByComparingTo("0.0006");
    }

    @Test
    void aGroupOutsideTheKeysOrItsTeamsModelsIsRefusedNamingTheGroupsItMayCall() {
        Team team = new Team("t", Optional.empty(), new Allowance(List.of("whisper", "nova"), Budget.none(),
                BigDecimal.ZERO, DeploymentLimits.none()), "{}", now.get());
        Access access = new Access(key(Optional.empty(), List.of("nova", "deepgram")), Optional.of(team));

        assertThat(ring.refusal(access, "nova", now.get())).isEmpty();
        assertThat(ring.refusal(access, "deepgram", now.get())).get().satisfies(refusal -> {
            assertThat(refusal.status()).isEqualTo(401);
            assertThat(refusal.message()).contains("'deepgram'").contains("only 'nova'");
        });
    }

    @Test
    void theLedgerRefusesRowsBeyondItsCapacityAndWritesTheWaitingOnesOnceTheStoreIsBack() {
        store.away = true;
        SpendLedger ledger = new SpendLedger(store, ring, 2, Duration.ofHours(1), clock);
        try {
            assertThat(ledger.add(row("0.1"))).isTrue();
            assertThat(ledger.add(row("0.1"))).isTrue();
            assertThat(ledger.add(row("0.1"))).isFalse();
            assertThat(ledger.flush()).isFalse();
            assertThat(ledger.waiting()).isEqualTo(2);

            store.away = false;
            assertThat(ledger.flush()).isTrue();
            assertThat(ledger.waiting()).isZero();
            assertThat(store.recorded).hasSize(2);
        } finally {
            ledger.close(Duration.ofSeconds(1));
        }
    }

    private Access found() {
        return ((KeyRing.Lookup.Found) ring.lookup(TEXT)).access();
    }

    private VirtualKey key(Optional<BigDecimal> budget, List<String> models) {
        return new VirtualKey(HASH, KeyText.name(TEXT), Optional.empty(), Optional.empty(), new Allowance(models,
                new Budget(budget, Optional.empty(), Optional.empty()), BigDecimal.ZERO, DeploymentLimits.none()),
                Optional.empty(), "{}", now.get());
    }

    private SpendRow row(String cost) {
        return new SpendRow(UUID.randomUUID(), "req", Optional.of(HASH), Optional.empty(), Optional.empty(),
                Optional.of("whisper"), Optional.of("a"), OptionalDouble.of(3), new BigDecimal(cost), 200, now.get(),
                now.get());
    }

    /** Keys in a map; {@link #away} makes every call fail as a database that does not answer. */
    private static final class FakeStore implements KeyStore {
        final Map<String, VirtualKey> keys = new HashMap<>();
        final List<SpendRow> recorded = new ArrayList<>();
        volatile boolean away;
        int finds;

        @Override
        public boolean answering() {
            return !away;
        }

        @Override
        public Optional<Access> find(String tokenHash) {
            check();
            finds++;
            return Optional.ofNullable(keys.get(tokenHash)).map(key -> new Access(key, Optional.empty()));
        }

        @Override
        public void record(List<SpendRow> rows, Instant at) {
            check();
            recorded.addAll(rows);
        }

        private void check() {
            if (away) {
                throw new StoreUnavailable("away", null);
            }
        }

        @Override
        public VirtualKey createKey(String h, String n, Settings s, Optional<Instant> e, Optional<String> t,
                                    Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<VirtualKey> updateKey(String h, Settings s, Optional<Instant> e, Optional<String> t,
                                              Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> deleteKeys(Collection<String> hashes, Collection<String> aliases) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VirtualKey> keys(Optional<String> teamId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Team createTeam(String teamId, Settings settings, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Team> team(String teamId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Team> teams() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Team> updateTeam(String teamId, Settings settings, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> deleteTeams(Collection<String> teamIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SpendRow> spendLogs(SpendQuery query) {
            throw new UnsupportedOperationException();
        }
    }
}
