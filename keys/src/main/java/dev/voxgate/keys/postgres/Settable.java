package dev.voxgate.keys.postgres;

import dev.voxgate.keys.Budget;
import dev.voxgate.keys.Settings;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The columns that keys and teams share, as a new one sets them and as an update changes them. */
final class Settable {

    static final String ASSIGNMENTS = "models = COALESCE(?, models), max_budget = COALESCE(?, max_budget), "
            + "budget_duration = COALESCE(?, budget_duration), budget_reset_at = COALESCE(?, budget_reset_at), "
            + "rpm_limit = COALESCE(?, rpm_limit), tpm_limit = COALESCE(?, tpm_limit), "
            + "max_parallel_requests = COALESCE(?, max_parallel_requests), metadata = COALESCE(?::jsonb, metadata)";

    /** The shared columns of a new key or team, in the order {@link #bindNew} binds them. */
    static final String NEW_COLUMNS = "models, max_budget, budget_duration, budget_reset_at, rpm_limit, tpm_limit, "
            + "max_parallel_requests, metadata, created_at, updated_at";
    static final String NEW_VALUES = "?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?";

    private Settable() {
    }

    /** Binds {@link #NEW_COLUMNS} of a key or team made at {@code now}, from {@code index} on. */
    static void bindNew(PreparedStatement statement, int index, Settings settings, Instant now) throws SQLException {
        Budget budget = Budget.of(settings.maxBudget(), settings.budgetDuration(), now);
        Rows.models(statement, index, settings.models().orElse(java.util.List.of()));
        Rows.money(statement, index + 1, budget.max());
        Rows.text(statement, index + 2, budget.duration());
        Rows.time(statement, index + 3, budget.resetAt());
        Rows.integer(statement, index + 4, settings.rpm());
        Rows.integer(statement, index + 5, settings.tpm());
        Rows.integer(statement, index + 6, settings.parallel());
        statement.setString(index + 7, settings.metadataJson().orElse("{}"));
        Rows.time(statement, index + 8, Optional.of(now));
        Rows.time(statement, index + 9, Optional.of(now));
    }

    /** Binds {@link #ASSIGNMENTS}' parameters from {@code index} on; answers the next free index. */
    static int bind(PreparedStatement statement, int index, Settings settings, Instant now) throws SQLException {
        if (settings.models().isPresent()) {
            Rows.models(statement, index, settings.models().get());
        } else {
            statement.setNull(index, java.sql.Types.ARRAY);
        }
        Rows.money(statement, index + 1, settings.maxBudget());
        Rows.text(statement, index + 2, settings.budgetDuration());
        // A new budget period starts from now when the duration changes.
        Rows.time(statement, index + 3, Budget.of(Optional.empty(), settings.budgetDuration(), now).resetAt());
        Rows.integer(statement, index + 4, settings.rpm());
        Rows.integer(statement, index + 5, settings.tpm());
        Rows.integer(statement, index + 6, settings.parallel());
        Rows.text(statement, index + 7, settings.metadataJson());
        return index + 8;
    }
}
