package dev.voxgate.router.state;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the router remembers about deployments between calls: which rest (cool down) and until when, and how many
 * times each failed in the current minute. Callers pass the time in, read from the router's
 * {@link java.time.InstantSource}, so an adapter never reads a clock of its own and tests control time fully.
 * Times are absolute, so an adapter over a shared store can expire entries at the same instant for every instance.
 *
 * <p>Implementations are thread-safe and should not hold a global lock: every attempt of every call reads them.
 */
public interface RoutingState {

    /**
     * The deployments among {@code deploymentIds} that rest at {@code now}, each with the instant it is back.
     * Deployments that do not rest are absent from the map.
     */
    Map<String, Instant> restingUntil(Collection<String> deploymentIds, Instant now);

    /** Makes the deployment rest until {@code until}; a later rest already recorded is kept. */
    void rest(String deploymentId, Instant until);

    /**
     * Counts one failure of the deployment in the calendar minute (UTC) that contains {@code now}.
     *
     * @return the deployment's failures in that minute, this one included
     */
    int countFailure(String deploymentId, Instant now);

    /** A fresh in-memory state, private to the router that uses it. */
    static RoutingState inMemory() {
        return new InMemoryRoutingState();
    }
}
