package dev.voxgate.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A team: its models, budget and limits apply to each of its keys besides the key's own.
 *
 * @param teamId       its id, chosen by whoever made it or generated
 * @param alias        {@code team_alias}
 * @param allowance    the models its keys may call, what they may spend together and have spent, and their limits
 *                     together
 * @param metadataJson {@code metadata}, a JSON object as text
 * @param createdAt    when it was made
 */
public record Team(String teamId, Optional<String> alias, Allowance allowance, String metadataJson,
                   Instant createdAt) {

    public Team {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(metadataJson, "metadataJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** This team once {@code amount} more is written as spent at {@code now}. */
    Team plusSpend(BigDecimal amount, Instant now) {
        return new Team(teamId, alias, allowance.plusSpend(amount, now), metadataJson, createdAt);
    }
}
