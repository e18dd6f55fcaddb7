package dev.voxgate.keys.postgres;

import dev.voxgate.keys.Access;
import dev.voxgate.keys.KeyStore;
import dev.voxgate.keys.Settings;
import dev.voxgate.keys.SpendQuery;
import dev.voxgate.keys.SpendRow;
import dev.voxgate.keys.Team;
import dev.voxgate.keys.VirtualKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keys in PostgreSQL; teams are {@link TeamTable}'s, the spend log {@link SpendTable}'s. Each call is one transaction on
 * {@link Database}.
 *
 * <p>Thread-safe.
 */
public final class PostgresKeyStore implements KeyStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final Database database;
    private final SpendTable spend = new SpendTable();
    private final TeamTable teams = new TeamTable();

    public PostgresKeyStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean answering() {
        return database.up();
    }

    @Override
    public Optional<Access> find(String tokenHash) {
        return database.transaction(connection -> {
            Optional<VirtualKey> key = one(connection, "SELECT " + Rows.KEY_COLUMNS
                    + " FROM voxgate_keys k WHERE k.token_hash = ?", tokenHash, Rows::key);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Optional<Team> team = key.get().teamId().isEmpty() ? Optional.empty()
                    : teams.one(connection, key.get().teamId().get());
            return Optional.of(new Access(key.get(), team));
        });
    }

    @Override
    public VirtualKey createKey(String tokenHash, String keyName, Settings settings, Optional<Instant> expires,
                                Optional<String> teamId, Instant now) {
        return database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO voxgate_keys (token_hash, "
                    + "key_name, key_alias, team_id, expires, " + Settable.NEW_COLUMNS + ") VALUES (?, ?, ?, ?, ?, "
                    + Settable.NEW_VALUES + ")")) {
                insert.setString(1, tokenHash);
                insert.setString(2, keyName);
                Rows.text(insert, 3, settings.alias());
                Rows.text(insert, 4, teamId);
                Rows.time(insert, 5, expires);
                Settable.bindNew(insert, 6, settings, now);
                changed(insert, "key_alias '" + settings.alias().orElse("") + "'", teamId);
            }
            return one(connection, "SELECT " + Rows.KEY_COLUMNS + " FROM voxgate_keys k WHERE k.token_hash = ?",
                    tokenHash, Rows::key).orElseThrow();
        });
    }

    @Override
    public Optional<VirtualKey> updateKey(String tokenHash, Settings settings, Optional<Instant> expires,
                                          Optional<String> teamId, Instant now) {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE voxgate_keys SET "
                    + "key_alias = COALESCE(?, key_alias), team_id = COALESCE(?, team_id), "
                    + "expires = COALESCE(?, expires), updated_at = ?, " + Settable.ASSIGNMENTS
                    + " WHERE token_hash = ?")) {
                Rows.text(update, 1, settings.alias());
                Rows.text(update, 2, teamId);
                Rows.time(update, 3, expires);
                Rows.time(update, 4, Optional.of(now));
                int next = Settable.bind(update, 5, settings, now);
                update.setString(next, tokenHash);
                if (changed(update, "key_alias '" + settings.alias().orElse("") + "'", teamId) == 0) {
                    return Optional.empty();
                }
            }
            return one(connection, "SELECT " + Rows.KEY_COLUMNS + " FROM voxgate_keys k WHERE k.token_hash = ?",
                    tokenHash, Rows::key);
        });
    }

    @Override
    public List<String> deleteKeys(Collection<String> tokenHashes, Collection<String> aliases) {
        return database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM voxgate_keys "
                    + "WHERE token_hash = ANY(?) OR key_alias = ANY(?) RETURNING token_hash")) {
                Rows.models(delete, 1, List.copyOf(tokenHashes));
                Rows.models(delete, 2, List.copyOf(aliases));
                return strings(delete);
            }
        });
    }

    @Override
    public List<VirtualKey> keys(Optional<String> teamId) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + Rows.KEY_COLUMNS
                    + " FROM voxgate_keys k WHERE (?::text IS NULL OR k.team_id = ?) ORDER BY k.created_at, "
                    + "k.token_hash")) {
                Rows.text(select, 1, teamId);
                Rows.text(select, 2, teamId);
                List<VirtualKey> keys = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(Rows.key(rows));
                    }
                }
                return keys;
            }
        });
    }

    @Override
    public Optional<Team> team(String teamId) {
        return database.transaction(connection -> teams.one(connection, teamId));
    }

    @Override
    public Team createTeam(String teamId, Settings settings, Instant now) {
        return database.transaction(connection -> teams.create(connection, teamId, settings, now));
    }

    @Override
    public List<Team> teams() {
        return database.transaction(teams::all);
    }

    @Override
    public Optional<Team> updateTeam(String teamId, Settings settings, Instant now) {
        return database.transaction(connection -> teams.update(connection, teamId, settings, now));
    }

    @Override
    public List<String> deleteTeams(Collection<String> teamIds) {
        return database.transaction(connection -> teams.delete(connection, teamIds));
    }

    @Override
    public void record(List<SpendRow> rows, Instant now) {
        database.transaction(connection -> {
            spend.record(connection, rows, now);
            return null;
        });
    }

    @Override
    public List<SpendRow> spendLogs(SpendQuery query) {
        return database.transaction(connection -> spend.select(connection, query));
    }

    // A taken alias or id, or a team that does not exist, is the caller's to fix, not the database's failure.
    static int changed(PreparedStatement statement, String unique, Optional<String> teamId)
            throws SQLException {
        try {
            return statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException(unique + " is taken: choose another");
            }
            if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException("there is no team '" + teamId.orElse("")
                        + "': make it with /team/new first");
            }
            throw e;
        }
    }

    static List<String> strings(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static <T> Optional<T> one(Connection connection, String sql, String parameter, Mapper<T> mapper)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        }
    }

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
