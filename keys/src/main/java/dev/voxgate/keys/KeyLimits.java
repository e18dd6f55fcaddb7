package dev.voxgate.keys;

import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A key's and its team's {@code rpm_limit}, {@code tpm_limit} and {@code max_parallel_requests}, counted in the
 * router's {@link RoutingState} as a deployment's are: per calendar minute, atomically, and shared by every replica
 * when that state is kept in Redis. A call is started on the key and on its team, or on neither.
 *
 * <p>Thread-safe.
 */
public final class KeyLimits {

    private final RoutingState state;

    public KeyLimits(RoutingState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** A call that counts against limits until it is {@linkplain #end ended}. */
    public record Started(List<String> ids) {
        public Started {
            ids = List.copyOf(ids);
        }
    }

    /**
     * Starts a call of {@code access} at {@code now} if its limits admit one.
     *
     * @return the started call, or the refusal (429 with when to try again)
     */
    public Admission start(Access access, Instant now) {
        List<String> started = new ArrayList<>();
        for (Limited limited : limited(access)) {
            if (!state.tryStart(limited.id(), now, limited.limits())) {
                started.forEach(id -> state.end(id, now, new AttemptOutcome.Abandoned()));
                return new Admission.Refused(refusal(limited, now));
            }
            started.add(limited.id());
        }
        return new Admission.Admitted(new Started(started));
    }

    /** Ends {@code call}: its audio seconds, when known, count against {@code tpm_limit} this minute. */
    public void end(Started call, Instant now, Duration took, OptionalDouble audioSeconds) {
        call.ids().forEach(id -> state.end(id, now, new AttemptOutcome.Succeeded(took, audioSeconds)));
    }

    /** What {@link #start} gives. */
    public sealed interface Admission {
        record Admitted(Started call) implements Admission {
        }

        record Refused(Refusal refusal) implements Admission {
        }
    }

    private Refusal refusal(Limited limited, Instant now) {
        DeploymentUsage usage = state.usage(List.of(limited.id()), now).get(limited.id());
        DeploymentLimits limits = limited.limits();
        boolean minuteFull = limits.rpm().filter(max -> usage.requestsThisMinute() >= max).isPresent()
                || limits.tpm().filter(max -> usage.audioSecondsThisMinute() >= max).isPresent();
        // In-flight calls end at any moment; a minute's counts only when the next minute starts.
        Duration retryAfter = minuteFull
                ? Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)))
                : Duration.ofSeconds(1);
        String which = minuteFull ? "its requests or audio seconds per minute (rpm_limit " + describe(limits.rpm())
                + ", tpm_limit " + describe(limits.tpm()) + ")" : "its max_parallel_requests ("
                + describe(limits.maxParallelRequests()) + ")";
        return new Refusal(429, "rate_limit_error", "rate_limit_exceeded", "Rate limit reached for " + limited.owner()
                + ": " + which + ". Try again in " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s.",
                Optional.of(retryAfter));
    }

    private static String describe(Optional<Integer> limit) {
        return limit.map(String::valueOf).orElse("none");
    }

    private static List<Limited> limited(Access access) {
        List<Limited> limited = new ArrayList<>();
        DeploymentLimits keyLimits = access.key().allowance().limits();
        if (!keyLimits.equals(DeploymentLimits.none())) {
            limited.add(new Limited("key:" + access.key().tokenHash().substring(0, 32), "this key", keyLimits));
        }
        access.team().filter(team -> !team.allowance().limits().equals(DeploymentLimits.none())).ifPresent(team ->
                limited.add(new Limited("team:" + team.teamId(), "team '" + team.teamId() + "'",
                        team.allowance().limits())));
        return limited;
    }

    private record Limited(String id, String owner, DeploymentLimits limits) {
    }
}
