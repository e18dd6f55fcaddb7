package dev.voxgate.keys.postgres;

import dev.voxgate.keys.Budget;
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
        Budget budget = Budget.of(settings.maxBudget(), settings.budgetDuration(), now);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO voxgate_teams (team_id, "
                + "team_alias, models, max_budget, budget_duration, budget_reset_at, rpm_limit, tpm_limit, "
                + "max_parallel_requests, metadata, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            insert.setString(1, teamId);
            Rows.text(insert, 2, settings.alias());
            Rows.models(insert, 3, settings.models().orElse(List.of()));
            Rows.money(insert, 4, budget.max());
            Rows.text(insert, 5, budget.duration());
            Rows.time(insert, 6, budget.resetAt());
            Rows.integer(insert, 7, settings.rpm());
            Rows.integer(insert, 8, settings.tpm());
            Rows.integer(insert, 9, settings.parallel());
            insert.setString(10, settings.metadataJson().orElse("{}"));
            Rows.time(insert, 11, Optional.of(now));
            Rows.time(insert, 12, Optional.of(now));
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
