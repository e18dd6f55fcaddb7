package dev.voxgate.keys.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.voxgate.keys.StoreUnavailable;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A pool of connections to one PostgreSQL database, whose schema is migrated the first time it answers, and which
 * says once when it stops answering and once when it answers again.
 *
 * <p>The pool is made without a connection: a proxy whose database is down at start still starts, and the first
 * call that reaches the database migrates it.
 *
 * <p>Thread-safe.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final String UNDEFINED_TABLE = "42P01";

    private final String description;
    private final HikariDataSource pool;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private volatile boolean migrated;

    /**
     * @param jdbcUrl        {@code jdbc:postgresql://host:port/db}
     * @param user           the role to connect as
     * @param password       its password, or null
     * @param connectTimeout how long a call waits for a connection before the database counts as away
     */
    public Database(String jdbcUrl, String user, String password, Duration connectTimeout) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.description = jdbcUrl.replaceFirst("\\?.*", "");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("voxgate-keys");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        config.setValidationTimeout(Math.max(250, connectTimeout.toMillis()));
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", Math.max(1, connectTimeout.toSeconds()));
        config.addDataSourceProperty("socketTimeout", 30);
        config.addDataSourceProperty("ApplicationName", "voxgate");
        this.pool = new HikariDataSource(config);
    }

    /** Whether the last call reached the database. */
    public boolean up() {
        return up.get();
    }

    /** Runs {@code work} on a connection of a migrated database, in one transaction. */
    <T> T transaction(Work<T> work) {
        migrate();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                answered();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (unreachable(e)) {
                throw away(e);
            }
            answered();
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                // The database was replaced by an empty one (restored, recreated): migrate it again next time.
                migrated = false;
            }
            throw new IllegalStateException("the key database refused a statement: " + e.getMessage(), e);
        }
    }

    private void migrate() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (migrated) {
                return;
            }
            try {
                Flyway.configure().dataSource(pool).locations("classpath:db/voxgate-keys")
                        .table("voxgate_schema_history").baselineOnMigrate(true).load().migrate();
                migrated = true;
            } catch (FlywayException e) {
                throw away(e);
            }
        }
    }

    private StoreUnavailable away(Exception e) {
        if (up.compareAndSet(true, false)) {
            LOG.log(Level.WARNING, "key database at " + description + " does not answer (" + e.getMessage()
                    + "): keys already seen keep working from memory, spend rows wait in memory, unknown keys are "
                    + "refused with 503 until it answers again");
        }
        return new StoreUnavailable("the key database at " + description + " does not answer", e);
    }

    private void answered() {
        if (up.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "key database at " + description + " answers again");
        }
    }

    // A broken or refused connection (SQL state class 08), a pool that gave none in time, or the server shutting
    // down (57P) is the database being away; anything else is a statement the database refused.
    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || state == null || state.startsWith("08")
                || state.startsWith("57P") || e.getCause() instanceof java.io.IOException;
    }

    @Override
    public void close() {
        pool.close();
    }

    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }
}
