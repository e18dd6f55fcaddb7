package dev.voxgate.router;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.state.DeploymentUsage;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.state.RoutingState;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live state of every deployment, for status pages, metrics and {@code /model/info}: rests, in-flight counts and
 * latencies read from the {@link RoutingState} the router uses (so, with a shared state, what every replica did), and
 * each deployment's last failure, heard as a {@link RoutingListener} of the router; whether it is at a limit is
 * judged as the router judges it, with the router's settings. Register it with
 * {@code Router.builder().state(state).listener(statuses)} on the same state.
 *
 * <p>Failures on a caller's own credentials are the caller's, not the deployment's, and are not recorded.
 *
 * <p>Thread-safe.
 */
public final class DeploymentStatuses implements RoutingListener {

    private final RoutingState state;
    private final InstantSource clock;
    private final RouterSettings settings;
    private final Map<String, LastFailure> lastFailures = new ConcurrentHashMap<>();

    /** The statuses of a router with the default settings. */
    public DeploymentStatuses(RoutingState state, InstantSource clock) {
        this(state, clock, RouterSettings.defaults());
    }

    /** The statuses of a router with {@code settings} (its {@code default_max_parallel_requests}, say). */
    public DeploymentStatuses(RoutingState state, InstantSource clock, RouterSettings settings) {
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Every deployment of {@code groups}, in their order, as it is now. */
    public List<DeploymentStatus> of(Collection<ModelGroup> groups) {
        List<String> ids = groups.stream().flatMap(group -> group.deployments().stream()).map(Deployment::id)
                .toList();
        Instant now = clock.instant();
        RoutingState.Snapshot snapshot = state.snapshot(ids, now);
        Map<String, Instant> resting = snapshot.restingUntil();
        Map<String, DeploymentUsage> usage = snapshot.usage();
        List<DeploymentStatus> statuses = new ArrayList<>(ids.size());
        for (ModelGroup group : groups) {
            for (Deployment deployment : group.deployments()) {
                DeploymentUsage used = usage.getOrDefault(deployment.id(), DeploymentUsage.idle());
                Optional<LastFailure> failure = Optional.ofNullable(lastFailures.get(deployment.id()));
                Optional<Instant> restingUntil = Optional.ofNullable(resting.get(deployment.id()));
                Optional<String> atLimit = restingUntil.isPresent() ? Optional.empty()
                        : Availability.atLimit(deployment, Availability.limits(deployment, settings), used, now)
                                .map(Availability.Blocked::reason);
                statuses.add(new DeploymentStatus(group.name(), deployment, restingUntil, used.inFlight(),
                        used.requestsThisMinute(), used.failuresThisMinute(), atLimit, used.latencies(),
                        failure.map(LastFailure::kind), failure.map(LastFailure::at)));
            }
        }
        return statuses;
    }

    @Override
    public void attemptEnded(AttemptEnded event) {
        if (!event.callerCredentials()) {
            event.failureKind().ifPresent(kind ->
                    lastFailures.put(event.deployment().id(), new LastFailure(kind, clock.instant())));
        }
    }

    private record LastFailure(FailureKind kind, Instant at) {
    }
}
