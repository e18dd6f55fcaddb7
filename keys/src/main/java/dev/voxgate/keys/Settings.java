package dev.voxgate.keys;

import dev.voxgate.router.state.DeploymentLimits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /key/generate}, {@code /key/update}, {@code /team/new} and {@code /team/update} set on a key or a team.
 * An empty field is left as it is (on creation: not set).
 *
 * @param alias          {@code key_alias} or {@code team_alias}
 * @param models         the model groups it may call; an empty list is every group
 * @param maxBudget      {@code max_budget}, US dollars
 * @param budgetDuration {@code budget_duration}, as {@link DurationText} reads it
 * @param rpm            {@code rpm_limit}: requests per minute
 * @param tpm            {@code tpm_limit}: audio seconds per minute
 * @param parallel       {@code max_parallel_requests}
 * @param metadataJson   {@code metadata}, a JSON object as text
 */
public record Settings(Optional<String> alias, Optional<List<String>> models, Optional<BigDecimal> maxBudget,
                       Optional<String> budgetDuration, Optional<Integer> rpm, Optional<Integer> tpm,
                       Optional<Integer> parallel, Optional<String> metadataJson) {

    public Settings {
        Objects.requireNonNull(alias, "alias");
        models = models.map(List::copyOf);
        Objects.requireNonNull(maxBudget, "maxBudget");
        Objects.requireNonNull(budgetDuration, "budgetDuration");
        budgetDuration.ifPresent(DurationText::parse);
        maxBudget.ifPresent(max -> new Budget(Optional.of(max), Optional.empty(), Optional.empty()));
        positive("rpm_limit", rpm);
        positive("tpm_limit", tpm);
        positive("max_parallel_requests", parallel);
        Objects.requireNonNull(metadataJson, "metadataJson");
    }

    /** The limits these settings give a new key or team. */
    public DeploymentLimits limits() {
        return new DeploymentLimits(parallel, rpm, tpm);
    }

    private static void positive(String name, Optional<Integer> value) {
        Objects.requireNonNull(value, name);
        value.ifPresent(number -> {
            if (number < 0) {
                throw new IllegalArgumentException(name + " must not be negative, was " + number);
            }
        });
    }
}
