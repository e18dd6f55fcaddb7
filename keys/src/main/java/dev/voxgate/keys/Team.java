package dev.voxgate.keys;

import dev.voxgate.router.state.DeploymentLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A team: its models, budget and limits apply to each of its keys besides the key's own.
 *
 * @param teamId       its id, chosen by whoever made it or generated
 * @param alias        {@code team_alias}
 * @param models       the model groups its keys may call; empty is every group
 * @param budget       what all its keys together may spend
 * @param spend        what they have spent in the current budget period, as the store last counted it
 * @param limits       {@code rpm_limit}, {@code tpm_limit}, {@code max_parallel_requests} of all its keys together
 * @param metadataJson {@code metadata}, a JSON object as text
 * @param createdAt    when it was made
 */
public record Team(String teamId, Optional<String> alias, List<String> models, Budget budget, BigDecimal spend,
                   DeploymentLimits limits, String metadataJson, Instant createdAt) {

    public Team {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(alias, "alias");
        models = List.copyOf(models);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(metadataJson, "metadataJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** This team once {@code amount} more is written as spent at {@code now}, in the budget period of {@code now}. */
    Team plusSpend(BigDecimal amount, Instant now) {
        Budget period = budget.at(now);
        BigDecimal base = period.equals(budget) ? spend : BigDecimal.ZERO;
        return new Team(teamId, alias, models, period, base.add(amount), limits, metadataJson, createdAt);
    }
}
