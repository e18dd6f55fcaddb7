package dev.voxgate.keys.postgres;

import dev.voxgate.keys.Budget;
import dev.voxgate.keys.Settings;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The columns that keys and teams share, as an update sets them: each only when {@link Settings} names it. */
final class Settable {

    static final String ASSIGNMENTS = "models = COALESCE(?, models), max_budget = COALESCE(?, max_budget), "
            + "budget_duration = COALESCE(?, budget_duration), budget_reset_at = COALESCE(?, budget_reset_at), "
            + "rpm_limit = COALESCE(?, rpm_limit), tpm_limit = COALESCE(?, tpm_limit), "
            + "max_parallel_requests = COALESCE(?, max_parallel_requests), metadata = COALESCE(?::jsonb, metadata)";

    private Settable() {
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
