package dev.voxgate.router.internal;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.RouterSettings;
import dev.voxgate.router.state.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Decides when a failing deployment rests. Only retryable failures count (a bad request says nothing about the
 * deployment). A deployment rests when it is rate-limited and its group has another deployment to take the load,
 * or when it failed more than {@code allowedFails} times in the current minute. It rests for its own
 * {@code cooldownTime}, else the router's, lengthened to the provider's {@code Retry-After} when that is longer.
 * {@code disableCooldowns}, or a cooldown time of zero, turns resting off.
 *
 * <p>Thread-safe; all state lives in the {@link RoutingState}.
 */
final class Cooldowns {

    private final RouterSettings settings;
    private final RoutingState state;
    private final InstantSource clock;

    Cooldowns(RouterSettings settings, RoutingState state, InstantSource clock) {
        this.settings = settings;
        this.state = state;
        this.clock = clock;
    }

    void recordFailure(Route<?> route, Deployment deployment, TranscriptionFailure failure) {
        Duration rest = deployment.cooldownTime().orElse(settings.cooldownTime());
        if (settings.disableCooldowns() || rest.isZero() || !failure.retryable()) {
            return;
        }
        Instant now = clock.instant();
        int failures = state.countFailure(deployment.id(), now);
        // A single deployment that rests would fail the whole group, so a 429 alone only rests one with siblings.
        boolean rateLimited = failure instanceof RateLimited && route.targets().size() > 1;
        if (rateLimited || failures > settings.allowedFails()) {
            Duration providerWait = retryAfter(failure).orElse(Duration.ZERO);
            state.rest(deployment.id(), now.plus(providerWait.compareTo(rest) > 0 ? providerWait : rest));
        }
    }

    /** The provider's {@code Retry-After} carried by the failure, if any. */
    static Optional<Duration> retryAfter(TranscriptionFailure failure) {
        return failure instanceof RateLimited limited ? limited.retryAfter() : Optional.empty();
    }
}
