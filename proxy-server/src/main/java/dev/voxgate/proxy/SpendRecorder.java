package dev.voxgate.proxy;

import dev.voxgate.keys.Access;
import dev.voxgate.keys.SpendRow;
import dev.voxgate.router.RoutingReport;
import io.javalin.http.Context;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Adds a spend row for each served call (an audio route that the router answered or failed, or the response cache
 * answered) to the key database's ledger once the request has ended: with its key (or {@code master}), team, group,
 * deployment, audio seconds, cost, status and times. Calls refused before routing (a wrong key, no budget, a limit)
 * cost nothing and have no row.
 *
 * <p>Thread-safe.
 */
final class SpendRecorder {

    private static final System.Logger LOG = System.getLogger(SpendRecorder.class.getName());

    private final ProxyKeys keys;
    private final AtomicBoolean toldFull = new AtomicBoolean();

    SpendRecorder(ProxyKeys keys) {
        this.keys = keys;
    }

    void record(Context ctx, double totalMillis) {
        if (AccessLog.route(ctx.path()).equals(ctx.path())) {
            return;
        }
        AccessNote note = AccessNote.of(ctx);
        Optional<RoutingReport> report = note.report();
        // Served means routed (answered or failed) or answered from the cache.
        if (report.isEmpty() && ctx.statusCode() != 200) {
            return;
        }
        Instant end = keys.clock().instant();
        Optional<Access> access = Caller.virtualKey(ctx);
        SpendRow row = new SpendRow(UUID.randomUUID(), ctx.res().getHeader(RoutingHeaders.REQUEST_ID),
                access.map(found -> found.key().tokenHash()),
                access.isPresent() ? access.get().key().alias() : Caller.of(ctx) instanceof Caller.Master
                        ? Optional.of("master") : Optional.empty(),
                access.flatMap(found -> found.key().teamId()),
                note.modelGroup(ctx), note.deployment(),
                report.flatMap(RoutingReport::audioSeconds).map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                report.map(RoutingReport::cost).orElse(BigDecimal.ZERO), ctx.statusCode(),
                end.minus(Duration.ofNanos((long) (totalMillis * 1e6))), end);
        if (!keys.ledger().add(row) && toldFull.compareAndSet(false, true)) {
            LOG.log(Level.ERROR, "spend rows of calls with the master key are dropped while the spend buffer is "
                    + "full (the key database is away)");
        }
    }
}
