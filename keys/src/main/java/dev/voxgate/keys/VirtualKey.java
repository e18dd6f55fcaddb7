package dev.voxgate.keys;

import dev.voxgate.router.state.DeploymentLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A virtual key as it is kept: never its text, only the SHA-256 of it ({@link KeyText#hash}) and a name that shows its
 * last four characters, as LiteLLM's {@code key_name} does.
 *
 * @param tokenHash    the SHA-256 of the key's text, hex
 * @param keyName      {@code sk-...abcd}: enough to recognise, not to use
 * @param alias        {@code key_alias}
 * @param teamId       the team it belongs to, whose models, budget and limits apply too
 * @param models       the model groups it may call; empty is every group (its team's, when it has one)
 * @param budget       what it may spend
 * @param spend        what it has spent in the current budget period, as the store last counted it
 * @param expires      when it stops working; empty is never
 * @param limits       {@code rpm_limit}, {@code tpm_limit}, {@code max_parallel_requests}
 * @param metadataJson {@code metadata}, a JSON object as text
 * @param createdAt    when it was made
 */
public record VirtualKey(String tokenHash, String keyName, Optional<String> alias, Optional<String> teamId,
                         List<String> models, Budget budget, BigDecimal spend, Optional<Instant> expires,
                         DeploymentLimits limits, String metadataJson, Instant createdAt) {

    public VirtualKey {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(teamId, "teamId");
        models = List.copyOf(models);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(metadataJson, "metadataJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** This key once {@code amount} more is written as spent at {@code now}, in the budget period of {@code now}. */
    VirtualKey plusSpend(BigDecimal amount, Instant now) {
        Budget period = budget.at(now);
        BigDecimal base = period.equals(budget) ? spend : BigDecimal.ZERO;
        return new VirtualKey(tokenHash, keyName, alias, teamId, models, period, base.add(amount), expires, limits,
                metadataJson, createdAt);
    }

    /** The first twelve hex digits of the hash: what logs and the spend log show of a key. */
    public String hashPrefix() {
        return tokenHash.substring(0, 12);
    }
}
