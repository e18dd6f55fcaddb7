package dev.voxgate.router.internal;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.router.RoutingReport;
import dev.voxgate.router.RoutingReport.Attempt;
import dev.voxgate.router.RoutingReport.LeftOut;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes down what the router does for one call, for its {@link RoutingReport}.
 *
 * <p>Not thread-safe: only the calling thread writes it (attempts run elsewhere, but are recorded after they end).
 */
final class CallTrace {

    private final String requestedModel;
    private final InstantSource clock;
    private final Instant start;
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<String> fallbacks = new ArrayList<>();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private String group;
    private Duration providerTime = Duration.ZERO;

    CallTrace(String requestedModel, InstantSource clock) {
        this.requestedModel = requestedModel;
        this.clock = clock;
        this.start = clock.instant();
        this.group = requestedModel;
    }

    /** A fallback group is about to be tried. */
    void fallback(String name) {
        fallbacks.add(name);
        group = name;
    }

    /** A deployment of {@code groupName} cannot serve the request and is not offered it. */
    void leftOut(String groupName, String deploymentId, List<String> lacks) {
        leftOut.add(new LeftOut(groupName, deploymentId, lacks));
    }

    int fallbacksTried() {
        return fallbacks.size();
    }

    /** One provider call ended after {@code took}; {@code failure} is empty when it answered. */
    void attempt(String groupName, String deploymentId, Duration took, Optional<TranscriptionFailure> failure) {
        attempts.add(new Attempt(groupName, deploymentId, took, failure));
        providerTime = providerTime.plus(took);
    }

    /** The report as of now; the deployment that answered is the one attempt without a failure, if any. */
    RoutingReport report() {
        Optional<String> answered = attempts.isEmpty() || attempts.getLast().failure().isPresent()
                ? Optional.empty()
                : Optional.of(attempts.getLast().deploymentId());
        return new RoutingReport(requestedModel, group, answered, attempts, fallbacks, leftOut,
                CallTrace.elapsed(start, clock.instant()), providerTime);
    }

    /** The time between two readings of the router's clock; zero if the clock went back. */
    static Duration elapsed(Instant from, Instant to) {
        Duration elapsed = Duration.between(from, to);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
