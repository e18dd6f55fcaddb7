package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides when a failing deployment rests (cools down), from its counts of the current minute in the shared
 * {@link RoutingState}, so that every router instance over one state decides alike. A bad request says nothing about
 * the deployment and never counts, unless {@code allowedFailsPolicy} names it. When the policy names the failure's
 * kind, only that count decides: more failures of the kind this minute than it allows. Otherwise the deployment
 * rests when any of these holds:
 * <ul>
 * <li>it is rate-limited, refused the credentials or does not know the model, and its group has another
 *     deployment to take the load;</li>
 * <li>it failed more than {@code allowedFails} times this minute;</li>
 * <li>its group has another deployment, and more than half of at least {@value #RATE_RULE_MINIMUM} attempts it
 *     started this minute failed.</li>
 * </ul>
 * It rests for its own {@code cooldownTime}, else the router's, lengthened to the provider's {@code Retry-After}.
 * {@code disableCooldowns}, or a cooldown time of zero, turns resting off.
 *
 * <p>Thread-safe; all state lives in the {@link RoutingState}.
 */
final class Cooldowns {

    static final int RATE_RULE_MINIMUM = 5;

    private final RouterSettings settings;
    private final RoutingState state;

    Cooldowns(RouterSettings settings, RoutingState state) {
        this.settings = settings;
        this.state = state;
    }

    /** Rests {@code deployment} if its counts after {@code failure} say so, and tells the call's trace. */
    void afterFailure(Route route, Deployment deployment, TranscriptionFailure failure, MinuteCounts counts,
                      Instant now, CallTrace trace) {
        Duration rest = deployment.cooldownTime().orElse(settings.cooldownTime());
        FailureDisposition disposition = FailureDisposition.of(failure);
        if (settings.disableCooldowns() || rest.isZero()) {
            return;
        }
        Optional<String> reason = whyRest(route, disposition, counts);
        if (reason.isEmpty()) {
            return;
        }
        Duration providerWait = disposition.retryAfter().orElse(Duration.ZERO);
        Duration length = providerWait.compareTo(rest) > 0 ? providerWait : rest;
        Instant until = now.plus(length);
        state.rest(deployment.id(), until);
        trace.rested(route.name(), deployment, until, length, failure, reason.get());
    }

    /** The rule that rests the deployment, in words; empty when none does. */
    private Optional<String> whyRest(Route route, FailureDisposition disposition, MinuteCounts counts) {
        Integer allowedOfKind = settings.allowedFailsPolicy().get(disposition.kind());
        if (allowedOfKind != null) {
            return counts.failuresOfKind() > allowedOfKind
                    ? Optional.of(disposition.kind().liteLlmName() + " failures this minute (" + counts.failuresOfKind()
                            + ") exceed allowed_fails_policy's " + allowedOfKind)
                    : Optional.empty();
        }
        if (!disposition.counts()) {
            return Optional.empty();
        }
        // A single deployment that rests fails its whole group, so only the plain count rests one alone.
        boolean siblings = route.groupSize() > 1;
        if (siblings && disposition.restsAtOnce()) {
            return Optional.of(disposition.kind().liteLlmName() + " rests a deployment at once when its group has"
                    + " others");
        }
        if (counts.failures() > settings.allowedFails()) {
            return Optional.of("failures this minute (" + counts.failures() + ") exceed allowed_fails "
                    + settings.allowedFails());
        }
        if (siblings && counts.requests() >= RATE_RULE_MINIMUM && counts.failures() * 2 > counts.requests()) {
            return Optional.of(counts.failures() + " of its " + counts.requests() + " attempts this minute failed");
        }
        return Optional.empty();
    }
}
