package dev.voxgate.keys.postgres;

import dev.voxgate.keys.Allowance;
import dev.voxgate.keys.Budget;
import dev.voxgate.keys.Team;
import dev.voxgate.keys.VirtualKey;
import dev.voxgate.router.state.DeploymentLimits;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reading keys and teams from result sets, and binding optional values, the same way in every statement. */
final class Rows {

    static final String KEY_COLUMNS = "k.token_hash, k.key_name, k.key_alias, k.team_id, k.models, k.max_budget, "
            + "k.budget_duration, k.budget_reset_at, k.spend, k.expires, k.rpm_limit, k.tpm_limit, "
            + "k.max_parallel_requests, k.metadata::text AS metadata, k.created_at";
    static final String TEAM_COLUMNS = "t.team_id, t.team_alias, t.models, t.max_budget, t.budget_duration, "
            + "t.budget_reset_at, t.spend, t.rpm_limit, t.tpm_limit, t.max_parallel_requests, "
            + "t.metadata::text AS metadata, t.created_at";

    private Rows() {
    }

    static VirtualKey key(ResultSet row) throws SQLException {
        return new VirtualKey(row.getString("token_hash"), row.getString("key_name"),
                Optional.ofNullable(row.getString("key_alias")), Optional.ofNullable(row.getString("team_id")),
                allowance(row), instant(row, "expires"), row.getString("metadata"),
                row.getTimestamp("created_at").toInstant());
    }

    static Team team(ResultSet row) throws SQLException {
        return new Team(row.getString("team_id"), Optional.ofNullable(row.getString("team_alias")), allowance(row),
                row.getString("metadata"), row.getTimestamp("created_at").toInstant());
    }

    private static Allowance allowance(ResultSet row) throws SQLException {
        return new Allowance(models(row.getArray("models")), budget(row), row.getBigDecimal("spend"), limits(row));
    }

    private static Budget budget(ResultSet row) throws SQLException {
        return new Budget(Optional.ofNullable(row.getBigDecimal("max_budget")),
                Optional.ofNullable(row.getString("budget_duration")), instant(row, "budget_reset_at"));
    }

    private static DeploymentLimits limits(ResultSet row) throws SQLException {
        return new DeploymentLimits(integer(row, "max_parallel_requests"), integer(row, "rpm_limit"),
                integer(row, "tpm_limit"));
    }

    private static List<String> models(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return Optional.ofNullable(value).map(Timestamp::toInstant);
    }

    private static Optional<Integer> integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static void text(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        statement.setObject(index, value.orElse(null), Types.VARCHAR);
    }

    static void integer(PreparedStatement statement, int index, Optional<Integer> value) throws SQLException {
        statement.setObject(index, value.orElse(null), Types.INTEGER);
    }

    static void money(PreparedStatement statement, int index, Optional<BigDecimal> value) throws SQLException {
        statement.setObject(index, value.orElse(null), Types.NUMERIC);
    }

    static void time(PreparedStatement statement, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            statement.setObject(index, value.get().atOffset(ZoneOffset.UTC));
        } else {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static void models(PreparedStatement statement, int index, List<String> models) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text", models.toArray()));
    }
}
