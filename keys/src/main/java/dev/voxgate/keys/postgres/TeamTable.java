package dev.voxgate.keys.postgres;

import dev.voxgate.keys.Settings;
import dev.voxgate.keys.Team;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Teams in PostgreSQL, each call inside a transaction {@link PostgresKeyStore} holds. */
final class TeamTable {

    Team create(Connection connection, String teamId, Settings settings, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO voxgate_teams (team_id, "
                + "team_alias, " + Settable.NEW_COLUMNS + ") VALUES (?, ?, " + Settable.NEW_VALUES + ")")) {
            insert.setString(1, teamId);
            Rows.text(insert, 2, settings.alias());
            Settable.bindNew(insert, 3, settings, now);
            PostgresKeyStore.changed(insert, "team_id '" + teamId + "'", Optional.empty());
        }
        return one(connection, teamId).orElseThrow();
    }

    Optional<Team> one(Connection connection, String teamId) throws SQLException {
        return PostgresKeyStore.one(connection, "SELECT " + Rows.TEAM_COLUMNS + " FROM voxgate_teams t "
                + "WHERE t.team_id = ?", teamId, Rows::team);
    }

    List<Team> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + Rows.TEAM_COLUMNS
                + " FROM voxgate_teams t ORDER BY t.created_at, t.team_id")) {
            List<Team> teams = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    teams.add(Rows.team(rows));
                }
            }
            return teams;
        }
    }

    Optional<Team> update(Connection connection, String teamId, Settings settings, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE voxgate_teams SET "
                + "team_alias = COALESCE(?, team_alias), updated_at = ?, " + Settable.ASSIGNMENTS
                + " WHERE team_id = ?")) {
            Rows.text(update, 1, settings.alias());
            Rows.time(update, 2, Optional.of(now));
            int next = Settable.bind(update, 3, settings, now);
            update.setString(next, teamId);
            if (update.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return one(connection, teamId);
    }

    List<String> delete(Connection connection, Collection<String> teamIds) throws SQLException {
        List<String> keys;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM voxgate_keys WHERE team_id = ANY(?) RETURNING token_hash")) {
            Rows.models(delete, 1, List.copyOf(teamIds));
            keys = PostgresKeyStore.strings(delete);
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM voxgate_teams WHERE team_id = ANY(?)")) {
            Rows.models(delete, 1, List.copyOf(teamIds));
            delete.executeUpdate();
        }
        return keys;
    }
}
