package dev.voxgate.keys;

import java.math.BigDecimal;
import java.time.Instant;
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
 * @param allowance    its models, budget, spend and limits (its team's apply too)
 * @param expires      when it stops working; empty is never
 * @param metadataJson {@code metadata}, a JSON object as text
 * @param createdAt    when it was made
 */
public record VirtualKey(String tokenHash, String keyName, Optional<String> alias, Optional<String> teamId,
                         Allowance allowance, Optional<Instant> expires, String metadataJson, Instant createdAt) {

    public VirtualKey {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(metadataJson, "metadataJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** This key once {@code amount} more is written as spent at {@code now}. */
    VirtualKey plusSpend(BigDecimal amount, Instant now) {
        return new VirtualKey(tokenHash, keyName, alias, teamId, allowance.plusSpend(amount, now), expires,
                metadataJson, createdAt);
    }

    /** The first twelve hex digits of the hash: what logs and the spend log show of a key. */
    public String hashPrefix() {
        return tokenHash.substring(0, 12);
    }
}
