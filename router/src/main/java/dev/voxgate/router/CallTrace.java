package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.RequestNeeds;
import dev.voxgate.router.RoutingReport.Attempt;
import dev.voxgate.router.RoutingReport.LeftOut;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes down what the router does for one call, for its {@link RoutingReport}, and tells the router's
 * {@link RoutingListener}s as it happens.
 *
 * <p>Not thread-safe: only the calling thread writes it (attempts run elsewhere, but are recorded after they end).
 */
final class CallTrace {

    private final String requestedModel;
    private final InstantSource clock;
    private final Listeners listeners;
    private final Instant start;
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<String> fallbacks = new ArrayList<>();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private String group;
    private Duration providerTime = Duration.ZERO;

    CallTrace(String requestedModel, InstantSource clock, Listeners listeners) {
        this.requestedModel = requestedModel;
        this.clock = clock;
        this.listeners = listeners;
        this.start = clock.instant();
        this.group = requestedModel;
    }

    /** The call moves on from the group tried last to fallback group {@code name}, since that one failed so. */
    void fallback(String name, TranscriptionFailure why) {
        if (listeners.any()) {
            listeners.fallbackTaken(new RoutingListener.FallbackTaken(group, name, why));
        }
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

    /** An attempt on {@code deployment} for {@code groupName} was admitted and is about to call its provider. */
    void attemptStarted(String groupName, Deployment deployment, boolean callerCredentials) {
        if (listeners.any()) {
            listeners.attemptStarted(new RoutingListener.AttemptStarted(groupName, deployment, callerCredentials));
        }
    }

    /** One provider call on {@code deployment} ended as {@code attempt} says. */
    void attempt(Deployment deployment, boolean callerCredentials, Attempt attempt) {
        attempts.add(attempt);
        providerTime = providerTime.plus(attempt.duration());
        if (listeners.any()) {
            listeners.attemptEnded(new RoutingListener.AttemptEnded(attempt.group(), deployment, callerCredentials,
                    attempt.duration(), attempt.failure(), attempt.audioSeconds(), attempt.cost()));
        }
    }

    /** {@code deployment} of {@code groupName} rests until {@code until}, for {@code rest}, as {@code reason} says. */
    void rested(String groupName, Deployment deployment, Instant until, Duration rest, TranscriptionFailure failure,
                String reason) {
        if (listeners.any()) {
            listeners.deploymentRested(new RoutingListener.DeploymentRested(groupName, deployment, until, rest,
                    failure, reason));
        }
    }

    /**
     * The call ended: its report as of now, which the request-ended event carries too.
     *
     * @param needs        what the request asked
     * @param audioSeconds the answer's audio length; empty when it failed or the answer gave none
     * @param failure      the failure the caller gets; empty when it was answered
     */
    RoutingReport end(RequestNeeds needs, Optional<Double> audioSeconds, Optional<TranscriptionFailure> failure) {
        RoutingReport report = report();
        if (listeners.any()) {
            listeners.requestEnded(new RoutingListener.RequestEnded(needs.task(), needs.streaming(), report, failure,
                    audioSeconds.or(needs::audioSeconds)));
        }
        return report;
    }

    /** The report as of now; the deployment that answered is the one attempt without a failure, if any. */
    private RoutingReport report() {
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
