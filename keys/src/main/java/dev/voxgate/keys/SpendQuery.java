package dev.voxgate.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which rows of the spend log {@code GET /spend/logs} asks for; every filter present must hold.
 *
 * @param tokenHash  the key's hash
 * @param teamId     the key's team
 * @param modelGroup the group asked for
 * @param requestId  one request
 * @param from       rows that started at or after it
 * @param to         rows that started before it
 * @param limit      at most this many rows, newest first
 */
public record SpendQuery(Optional<String> tokenHash, Optional<String> teamId, Optional<String> modelGroup,
                         Optional<String> requestId, Optional<Instant> from, Optional<Instant> to, int limit) {

    /** The most rows one answer holds. */
    public static final int MAX_LIMIT = 10_000;

    public SpendQuery {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(modelGroup, "modelGroup");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
