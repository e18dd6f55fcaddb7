package dev.voxgate.keys;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The keys a proxy has seen, kept in memory for a short time so that a call never waits on the database, and the
 * rules a call with one must pass: not expired, a model group its key and team allow, budget left.
 *
 * <p>A key is read from the store when it was not seen within the time to live; when the store does not answer, a
 * key seen before keeps working as it was, and one never seen is {@link Lookup.Unavailable}. What this replica
 * spent and has not yet written counts against budgets at once, so a budget holds between writes.
 *
 * <p>Thread-safe.
 */
public final class KeyRing {

    // Beyond this many entries, keys nobody has are no longer remembered: random keys cannot fill the memory.
    private static final int MAX_ENTRIES = 100_000;

    private final KeyStore store;
    private final Duration timeToLive;
    private final InstantSource clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> unwritten = new ConcurrentHashMap<>();

    public KeyRing(KeyStore store, Duration timeToLive, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a presented key is. */
    public sealed interface Lookup {
        /** A key the store keeps. */
        record Found(Access access) implements Lookup {
        }

        /** No such key (never made, or deleted). */
        record Unknown() implements Lookup {
        }

        /** The store does not answer, and this key was not seen while it did. */
        record Unavailable() implements Lookup {
        }
    }

    /** Finds the key whose text is {@code presented}: from memory when seen within the time to live. */
    public Lookup lookup(String presented) {
        String hash = KeyText.hash(presented);
        Instant now = clock.instant();
        Entry seen = entries.get(hash);
        if (seen != null && now.isBefore(seen.readAt().plus(timeToLive))) {
            return seen.lookup();
        }
        // While the store is away, a call does not wait for it to time out again: it is asked again once the
        // spend writer finds it back.
        if (!store.answering()) {
            return seen != null && seen.access().isPresent() ? seen.lookup() : new Lookup.Unavailable();
        }
        try {
            Optional<Access> found = store.find(hash);
            if (found.isPresent() || entries.size() < MAX_ENTRIES) {
                entries.put(hash, new Entry(found, now));
            }
            return found.<Lookup>map(Lookup.Found::new).orElseGet(Lookup.Unknown::new);
        } catch (StoreUnavailable e) {
            return seen != null && seen.access().isPresent() ? seen.lookup() : new Lookup.Unavailable();
        }
    }

    /** Why {@code access} may not call {@code modelGroup} at {@code now}; empty when it may. */
    public Optional<Refusal> refusal(Access access, String modelGroup, Instant now) {
        VirtualKey key = access.key();
        if (key.expires().filter(expires -> !now.isBefore(expires)).isPresent()) {
            return Optional.of(new Refusal(401, "invalid_request_error", "expired_key", "This key expired at "
                    + key.expires().get() + "; ask for a new one (POST /key/generate).", Optional.empty()));
        }
        if (!access.allows(modelGroup)) {
            return Optional.of(new Refusal(401, "invalid_request_error", "key_model_access_denied", "This key may "
                    + "not call model group '" + modelGroup + "'; it may call " + allowed(access) + ".",
                    Optional.empty()));
        }
        BigDecimal keySpend = spend(access, now);
        if (key.allowance().budget().spent(keySpend)) {
            return Optional.of(budgetExceeded("this key", keySpend, key.allowance().budget()));
        }
        if (access.team().isPresent()) {
            Team team = access.team().get();
            BigDecimal teamSpend = team.allowance().spendAt(now).add(unwritten(teamOwner(team.teamId())));
            if (team.allowance().budget().spent(teamSpend)) {
                return Optional.of(budgetExceeded("team '" + team.teamId() + "'", teamSpend,
                        team.allowance().budget()));
            }
        }
        return Optional.empty();
    }

    /** What the key of {@code access} has spent in its budget period, its calls not yet written included. */
    public BigDecimal spend(Access access, Instant now) {
        VirtualKey key = access.key();
        return key.allowance().spendAt(now).add(unwritten(keyOwner(key.tokenHash())));
    }

    /** A call of {@code row} was served and is waiting to be written: its cost counts at once. */
    void spent(SpendRow row) {
        if (row.spend().signum() == 0) {
            return;
        }
        row.tokenHash().ifPresent(hash -> unwritten.merge(keyOwner(hash), row.spend(), BigDecimal::add));
        row.teamId().ifPresent(team -> unwritten.merge(teamOwner(team), row.spend(), BigDecimal::add));
    }

    /** {@code rows} are written: their cost is now part of the spend the store keeps, and of what memory holds. */
    void written(List<SpendRow> rows) {
        Map<String, BigDecimal> byKey = rows.stream().filter(row -> row.tokenHash().isPresent()).collect(
                Collectors.toMap(row -> row.tokenHash().get(), SpendRow::spend, BigDecimal::add));
        Map<String, BigDecimal> byTeam = rows.stream().filter(row -> row.teamId().isPresent()).collect(
                Collectors.toMap(row -> row.teamId().get(), SpendRow::spend, BigDecimal::add));
        Instant now = clock.instant();
        byKey.forEach((hash, amount) -> {
            unwritten.computeIfPresent(keyOwner(hash), (owner, left) -> zeroToNull(left.subtract(amount)));
            entries.computeIfPresent(hash, (ignored, entry) -> entry.withKeySpend(amount, now));
        });
        byTeam.forEach((team, amount) -> {
            unwritten.computeIfPresent(teamOwner(team), (owner, left) -> zeroToNull(left.subtract(amount)));
            entries.replaceAll((hash, entry) -> entry.withTeamSpend(team, amount, now));
        });
    }

    /** Forgets these keys at once (updated or deleted here), so that the next call reads them again. */
    public void forget(Collection<String> tokenHashes) {
        tokenHashes.forEach(entries::remove);
    }

    /** Forgets every key of this team at once (the team changed or is gone). */
    public void forgetTeam(String teamId) {
        entries.values().removeIf(entry -> entry.access().flatMap(Access::team)
                .filter(team -> team.teamId().equals(teamId)).isPresent());
    }

    private BigDecimal unwritten(String owner) {
        return unwritten.getOrDefault(owner, BigDecimal.ZERO);
    }

    private static Refusal budgetExceeded(String owner, BigDecimal spend, Budget budget) {
        return new Refusal(400, "budget_exceeded", "budget_exceeded", "Budget has been exceeded: " + owner
                + " has spent $" + spend.stripTrailingZeros().toPlainString() + " of its $"
                + budget.max().orElseThrow().stripTrailingZeros().toPlainString() + " budget"
                + budget.resetAt().map(reset -> "; it resets at " + reset).orElse("") + ".", Optional.empty());
    }

    private static String allowed(Access access) {
        List<String> keyModels = access.key().allowance().models();
        List<String> teamModels = access.team().map(team -> team.allowance().models()).orElse(List.of());
        List<String> models = keyModels.isEmpty() ? teamModels
                : teamModels.isEmpty() ? keyModels : keyModels.stream().filter(teamModels::contains).toList();
        return models.isEmpty() ? "no model group" : "only " + models.stream().map(model -> "'" + model + "'")
                .collect(Collectors.joining(", "));
    }

    private static BigDecimal zeroToNull(BigDecimal left) {
        return left.signum() <= 0 ? null : left;
    }

    private static String keyOwner(String hash) {
        return "key:" + hash;
    }

    private static String teamOwner(String teamId) {
        return "team:" + teamId;
    }

    private record Entry(Optional<Access> access, Instant readAt) {

        Lookup lookup() {
            return access.<Lookup>map(Lookup.Found::new).orElseGet(Lookup.Unknown::new);
        }

        Entry withKeySpend(BigDecimal amount, Instant now) {
            return access.map(found -> new Entry(Optional.of(new Access(found.key().plusSpend(amount, now),
                    found.team())), readAt)).orElse(this);
        }

        Entry withTeamSpend(String teamId, BigDecimal amount, Instant now) {
            return access.filter(found -> found.team().filter(team -> team.teamId().equals(teamId)).isPresent())
                    .map(found -> new Entry(Optional.of(new Access(found.key(),
                            Optional.of(found.team().get().plusSpend(amount, now)))), readAt)).orElse(this);
        }
    }
}
