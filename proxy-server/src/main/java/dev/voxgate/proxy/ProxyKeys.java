package dev.voxgate.proxy;

import dev.voxgate.config.DatabaseSettings;
import dev.voxgate.keys.KeyLimits;
import dev.voxgate.keys.KeyRing;
import dev.voxgate.keys.KeyStore;
import dev.voxgate.keys.SpendLedger;
import dev.voxgate.keys.postgres.Database;
import dev.voxgate.keys.postgres.PostgresKeyStore;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Virtual keys, as a proxy with a key database serves them: the store, the keys in memory, their limits in the
 * router's state, and the spend rows on their way to the database.
 *
 * @param database where they are kept, and whether it answers
 * @param store    keys, teams and the spend log in it
 * @param ring     the keys this replica has seen, and the rules a call must pass
 * @param limits   the keys' and teams' rpm, tpm and parallel limits
 * @param ledger   spend rows waiting to be written
 * @param clock    the time calls are checked at
 */
record ProxyKeys(Database database, KeyStore store, KeyRing ring, KeyLimits limits, SpendLedger ledger,
                 InstantSource clock) implements AutoCloseable {

    // How long a stopping proxy keeps trying to write the spend rows still waiting.
    private static final Duration LAST_WRITE = Duration.ofSeconds(10);
    private static final Duration WRITE_EVERY = Duration.ofSeconds(1);

    ProxyKeys {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(clock, "clock");
    }

    /** Keys kept in the PostgreSQL of {@code settings}, their limits counted in {@code state}. */
    static ProxyKeys of(DatabaseSettings settings, RoutingState state) {
        Database database = new Database(settings.jdbcUrl(), settings.user().orElse(null),
                settings.password().map(secret -> secret.reveal()).orElse(null), Duration.ofSeconds(2));
        PostgresKeyStore store = new PostgresKeyStore(database);
        InstantSource clock = InstantSource.system();
        KeyRing ring = new KeyRing(store, settings.keyCacheTtl(), clock);
        return new ProxyKeys(database, store, ring, new KeyLimits(state), new SpendLedger(store, ring,
                settings.spendBufferRows(), WRITE_EVERY, clock), clock);
    }

    /** Writes the spend rows still waiting (trying for up to 10 s), then closes the pool. */
    @Override
    public void close() {
        try {
            ledger.close(LAST_WRITE);
        } finally {
            database.close();
        }
    }
}
