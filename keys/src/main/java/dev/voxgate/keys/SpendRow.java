package dev.voxgate.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * One served request in the spend log.
 *
 * @param rowId        made with the row: a row is written once even when its batch is written again
 * @param requestId    the request's id ({@code x-request-id})
 * @param tokenHash    the key's hash; empty for a call with the master key or none
 * @param keyAlias     the key's alias, or {@code master} for the master key
 * @param teamId       the key's team
 * @param modelGroup   the group asked for
 * @param deployment   the deployment that answered, or the last one tried
 * @param audioSeconds the audio's length, when known
 * @param spend        what it cost, US dollars
 * @param status       the HTTP status answered
 * @param start        when the request came in
 * @param end          when it was answered
 */
public record SpendRow(UUID rowId, String requestId, Optional<String> tokenHash, Optional<String> keyAlias, Optional<String> teamId,
                       Optional<String> modelGroup, Optional<String> deployment, OptionalDouble audioSeconds,
                       BigDecimal spend, int status, Instant start, Instant end) {

    public SpendRow {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(keyAlias, "keyAlias");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(modelGroup, "modelGroup");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(audioSeconds, "audioSeconds");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** The first twelve hex digits of the key's hash, as {@link VirtualKey#hashPrefix()} shows them. */
    public Optional<String> hashPrefix() {
        return tokenHash.map(hash -> hash.substring(0, 12));
    }
}
