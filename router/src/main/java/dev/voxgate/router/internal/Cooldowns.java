package dev.voxgate.router.internal;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.FailureDisposition;
import dev.voxgate.router.RouterSettings;
import dev.voxgate.router.state.MinuteCounts;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.time.Instant;

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

    void afterFailure(Route<?> route, Deployment deployment, TranscriptionFailure failure, MinuteCounts counts,
                      Instant now) {
        Duration rest = deployment.cooldownTime().orElse(settings.cooldownTime());
        FailureDisposition disposition = FailureDisposition.of(failure);
        if (settings.disableCooldowns() || rest.isZero() || !shouldRest(route, disposition, counts)) {
            return;
        }
        Duration providerWait = disposition.retryAfter().orElse(Duration.ZERO);
        state.rest(deployment.id(), now.plus(providerWait.compareTo(rest) > 0 ? providerWait : rest));
    }

    private boolean shouldRest(Route<?> route, FailureDisposition disposition, MinuteCounts counts) {
        Integer allowedOfKind = settings.allowedFailsPolicy().get(disposition.kind());
        if (allowedOfKind != null) {
            return counts.failuresOfKind() > allowedOfKind;
        }
        if (!disposition.counts()) {
            return false;
        }
        // A single deployment that rests fails its whole group, so only the plain count rests one alone.
        boolean siblings = route.groupSize() > 1;
        return siblings && disposition.restsAtOnce()
                || counts.failures() > settings.allowedFails()
                || siblings && counts.requests() >= RATE_RULE_MINIMUM && counts.failures() * 2 > counts.requests();
    }
}
