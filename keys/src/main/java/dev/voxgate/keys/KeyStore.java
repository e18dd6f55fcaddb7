package dev.voxgate.keys;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where virtual keys, teams and the spend log are kept. Each method is one transaction; any of them throws
 * {@link StoreUnavailable} when the store cannot be reached, having changed nothing.
 *
 * <p>Implementations are thread-safe.
 */
public interface KeyStore {

    /**
     * Whether the store answered the last time it was asked: while it does not, keys seen before are served from
     * memory without asking it again. Something must keep asking ({@link SpendLedger} does, each time it writes).
     */
    default boolean answering() {
        return true;
    }

    /** The key whose text hashes to {@code tokenHash}, with its team; empty when there is none. */
    Optional<Access> find(String tokenHash);

    /**
     * Keeps a new key.
     *
     * @throws IllegalArgumentException when its alias is taken or its team does not exist
     */
    VirtualKey createKey(String tokenHash, String keyName, Settings settings, Optional<Instant> expires,
                         Optional<String> teamId, Instant now);

    /**
     * Changes what {@code settings} sets, and the expiry and team when given; empty when there is no such key.
     *
     * @throws IllegalArgumentException when the new alias is taken or the team does not exist
     */
    Optional<VirtualKey> updateKey(String tokenHash, Settings settings, Optional<Instant> expires,
                                   Optional<String> teamId, Instant now);

    /** Deletes the keys of these hashes and of these aliases; answers the hashes it deleted. */
    List<String> deleteKeys(Collection<String> tokenHashes, Collection<String> aliases);

    /** The keys, oldest first, of one team when {@code teamId} is given. */
    List<VirtualKey> keys(Optional<String> teamId);

    /**
     * Keeps a new team.
     *
     * @throws IllegalArgumentException when its id is taken
     */
    Team createTeam(String teamId, Settings settings, Instant now);

    Optional<Team> team(String teamId);

    /** Every team, oldest first. */
    List<Team> teams();

    /** Changes what {@code settings} sets; empty when there is no such team. */
    Optional<Team> updateTeam(String teamId, Settings settings, Instant now);

    /** Deletes these teams and their keys; answers the hashes of the keys deleted with them. */
    List<String> deleteTeams(Collection<String> teamIds);

    /**
     * Writes {@code rows} and raises the spend of their keys and teams by their cost, all or nothing; a row whose
     * request id is already kept is neither written nor counted again. Budgets whose period ended by {@code now}
     * start again from zero first.
     */
    void record(List<SpendRow> rows, Instant now);

    /** The rows {@code query} asks for, newest first. */
    List<SpendRow> spendLogs(SpendQuery query);
}
