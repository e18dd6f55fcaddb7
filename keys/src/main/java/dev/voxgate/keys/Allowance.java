package dev.voxgate.keys;

import dev.voxgate.router.state.DeploymentLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a key or a team may do, the same for both: which model groups it may call, what it may spend and has spent,
 * and how many calls it may make.
 *
 * @param models the model groups it may call; empty is every group
 * @param budget what it may spend
 * @param spend  what it has spent in the current budget period, as the store last counted it
 * @param limits {@code rpm_limit}, {@code tpm_limit}, {@code max_parallel_requests}
 */
public record Allowance(List<String> models, Budget budget, BigDecimal spend, DeploymentLimits limits) {

    public Allowance {
        models = List.copyOf(models);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(limits, "limits");
    }

    /** Whether it may call {@code modelGroup}. */
    public boolean allows(String modelGroup) {
        return models.isEmpty() || models.contains(modelGroup);
    }

    /** What it has spent at {@code now}: nothing once its budget period has ended, until the store resets it. */
    BigDecimal spendAt(Instant now) {
        return budget.current(spend, now);
    }

    /** This allowance once {@code amount} more is written as spent at {@code now}, in the period of {@code now}. */
    Allowance plusSpend(BigDecimal amount, Instant now) {
        Budget period = budget.at(now);
        BigDecimal base = period.equals(budget) ? spend : BigDecimal.ZERO;
        return new Allowance(models, period, base.add(amount), limits);
    }
}
