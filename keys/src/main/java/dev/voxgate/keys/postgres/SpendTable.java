package dev.voxgate.keys.postgres;

import dev.voxgate.keys.DurationText;
import dev.voxgate.keys.SpendQuery;
import dev.voxgate.keys.SpendRow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The spend log and the spend totals it raises: rows are written with the totals in one transaction, a row already
 * kept (its batch retried after a lost commit answer) is skipped and not counted again.
 */
final class SpendTable {

    private static final String COLUMNS = "row_id, request_id, token_hash, key_alias, team_id, model_group, deployment, "
            + "audio_seconds, spend, status, start_time, end_time";

    void record(Connection connection, List<SpendRow> rows, Instant now) throws SQLException {
        resetBudgets(connection, "voxgate_keys", "token_hash", now);
        resetBudgets(connection, "voxgate_teams", "team_id", now);
        if (rows.isEmpty()) {
            return;
        }
        int[] written;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO voxgate_spend_logs (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (row_id) DO NOTHING")) {
            for (SpendRow row : rows) {
                insert.setObject(1, row.rowId());
                insert.setString(2, row.requestId());
                Rows.text(insert, 3, row.tokenHash());
                Rows.text(insert, 4, row.keyAlias());
                Rows.text(insert, 5, row.teamId());
                Rows.text(insert, 6, row.modelGroup());
                Rows.text(insert, 7, row.deployment());
                if (row.audioSeconds().isPresent()) {
                    insert.setDouble(8, row.audioSeconds().getAsDouble());
                } else {
                    insert.setNull(8, Types.DOUBLE);
                }
                insert.setBigDecimal(9, row.spend());
                insert.setInt(10, row.status());
                Rows.time(insert, 11, Optional.of(row.start()));
                Rows.time(insert, 12, Optional.of(row.end()));
                insert.addBatch();
            }
            written = insert.executeBatch();
        }
        Map<String, BigDecimal> byKey = new LinkedHashMap<>();
        Map<String, BigDecimal> byTeam = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            SpendRow row = rows.get(i);
            if (written[i] == 0 || row.spend().signum() == 0) {
                continue;
            }
            row.tokenHash().ifPresent(hash -> byKey.merge(hash, row.spend(), BigDecimal::add));
            row.teamId().ifPresent(team -> byTeam.merge(team, row.spend(), BigDecimal::add));
        }
        raise(connection, "voxgate_keys", "token_hash", byKey);
        raise(connection, "voxgate_teams", "team_id", byTeam);
    }

    List<SpendRow> select(Connection connection, SpendQuery query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM voxgate_spend_logs "
                + "WHERE (?::text IS NULL OR token_hash = ?) AND (?::text IS NULL OR team_id = ?) "
                + "AND (?::text IS NULL OR model_group = ?) AND (?::text IS NULL OR request_id = ?) "
                + "AND (?::timestamptz IS NULL OR start_time >= ?) AND (?::timestamptz IS NULL OR start_time < ?) "
                + "ORDER BY start_time DESC, row_id LIMIT ?")) {
            int index = 1;
            for (Optional<String> text : List.of(query.tokenHash(), query.teamId(), query.modelGroup(),
                    query.requestId())) {
                Rows.text(select, index++, text);
                Rows.text(select, index++, text);
            }
            for (Optional<Instant> time : List.of(query.from(), query.to())) {
                Rows.time(select, index++, time);
                Rows.time(select, index++, time);
            }
            select.setInt(index, query.limit());
            List<SpendRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
            return rows;
        }
    }

    private static SpendRow row(ResultSet result) throws SQLException {
        double seconds = result.getDouble("audio_seconds");
        OptionalDouble audio = result.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(seconds);
        return new SpendRow(result.getObject("row_id", java.util.UUID.class), result.getString("request_id"), Optional.ofNullable(result.getString("token_hash")),
                Optional.ofNullable(result.getString("key_alias")), Optional.ofNullable(result.getString("team_id")),
                Optional.ofNullable(result.getString("model_group")),
                Optional.ofNullable(result.getString("deployment")), audio, result.getBigDecimal("spend"),
                result.getInt("status"), Rows.instant(result, "start_time").orElseThrow(),
                Rows.instant(result, "end_time").orElseThrow());
    }

    // Each budget whose period has ended starts again from zero, its next period counted from now.
    private static void resetBudgets(Connection connection, String table, String id, Instant now)
            throws SQLException {
        Map<String, String> due = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + id + ", budget_duration FROM " + table
                + " WHERE budget_reset_at <= ? FOR UPDATE")) {
            Rows.time(select, 1, Optional.of(now));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    due.put(result.getString(1), result.getString(2));
                }
            }
        }
        if (due.isEmpty()) {
            return;
        }
        try (PreparedStatement reset = connection.prepareStatement("UPDATE " + table
                + " SET spend = 0, budget_reset_at = ? WHERE " + id + " = ?")) {
            for (Map.Entry<String, String> entry : due.entrySet()) {
                Rows.time(reset, 1, Optional.of(now.plus(DurationText.parse(entry.getValue()))));
                reset.setString(2, entry.getKey());
                reset.addBatch();
            }
            reset.executeBatch();
        }
    }

    private static void raise(Connection connection, String table, String id, Map<String, BigDecimal> amounts)
            throws SQLException {
        if (amounts.isEmpty()) {
            return;
        }
        try (PreparedStatement raise = connection.prepareStatement("UPDATE " + table + " SET spend = spend + ? WHERE "
                + id + " = ?")) {
            for (Map.Entry<String, BigDecimal> amount : amounts.entrySet()) {
                raise.setBigDecimal(1, amount.getValue());
                raise.setString(2, amount.getKey());
                raise.addBatch();
            }
            raise.executeBatch();
        }
    }
}
