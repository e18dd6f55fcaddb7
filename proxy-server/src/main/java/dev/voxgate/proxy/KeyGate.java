package dev.voxgate.proxy;

import dev.voxgate.keys.Access;
import dev.voxgate.keys.KeyLimits;
import dev.voxgate.keys.Refusal;
import dev.voxgate.router.RoutingReport;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a call with a virtual key must pass before it is routed (an allowed model group, budget left, its limits),
 * and what it leaves behind: its limits freed, its spend in {@code x-litellm-key-spend}.
 *
 * <p>Thread-safe.
 */
final class KeyGate {

    static final String KEY_SPEND = "x-litellm-key-spend";

    private final Optional<ProxyKeys> keys;

    KeyGate(Optional<ProxyKeys> keys) {
        this.keys = keys;
    }

    /**
     * Admits the call of {@code ctx} on {@code modelGroup}, counting it against its key's limits until it is
     * {@linkplain Admitted#close() closed}.
     *
     * @throws RequestRejected when the key may not make it now
     */
    Admitted admit(Context ctx, String modelGroup) {
        Optional<Access> access = Caller.virtualKey(ctx);
        if (access.isEmpty() || keys.isEmpty()) {
            return Admitted.NOTHING;
        }
        ProxyKeys proxyKeys = keys.get();
        Instant now = proxyKeys.clock().instant();
        proxyKeys.ring().refusal(access.get(), modelGroup, now).ifPresent(refusal -> {
            throw new RequestRejected(error(refusal));
        });
        if (!proxyKeys.ledger().hasRoom()) {
            throw new RequestRejected(OpenAiError.status(503, "The key database has been away so long that the "
                    + "spend of calls with virtual keys can no longer be kept; try again once it answers."));
        }
        return switch (proxyKeys.limits().start(access.get(), now)) {
            case KeyLimits.Admission.Refused refused -> throw new RequestRejected(error(refused.refusal()));
            case KeyLimits.Admission.Admitted admitted ->
                    new Admitted(ctx, Optional.of(proxyKeys), Optional.of(admitted.call()), now);
        };
    }

    private static OpenAiError error(Refusal refusal) {
        return new OpenAiError(refusal.status(), refusal.message(), refusal.type(), Optional.empty(),
                Optional.of(refusal.code()), refusal.retryAfter());
    }

    /** A call counted against its key's limits. */
    static final class Admitted implements AutoCloseable {

        // A call without a virtual key counts against nothing: one answer serves them all.
        private static final Admitted NOTHING = new Admitted(null, Optional.empty(), Optional.empty(), Instant.EPOCH);

        private final Context ctx;
        private final Optional<ProxyKeys> keys;
        private final Optional<KeyLimits.Started> started;
        private final Instant since;
        private OptionalDouble audioSeconds = OptionalDouble.empty();

        private Admitted(Context ctx, Optional<ProxyKeys> keys, Optional<KeyLimits.Started> started, Instant since) {
            this.ctx = ctx;
            this.keys = keys;
            this.started = started;
            this.since = since;
        }

        /** The call was routed as {@code report} says: its audio counts against tpm, its spend goes in a header. */
        void routed(RoutingReport report) {
            if (keys.isEmpty()) {
                return;
            }
            audioSeconds = report.audioSeconds().map(OptionalDouble::of).orElse(OptionalDouble.empty());
            Caller.virtualKey(ctx).ifPresent(access -> {
                BigDecimal spend = keys.get().ring().spend(access, keys.get().clock().instant()).add(report.cost());
                ctx.header(KEY_SPEND, spend.stripTrailingZeros().toPlainString());
            });
        }

        @Override
        public void close() {
            if (keys.isPresent() && started.isPresent()) {
                Instant now = keys.get().clock().instant();
                keys.get().limits().end(started.get(), now, Duration.between(since, now), audioSeconds);
            }
        }
    }
}
