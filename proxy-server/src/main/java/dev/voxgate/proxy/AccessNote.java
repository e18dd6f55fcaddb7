package dev.voxgate.proxy;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.router.RoutedTranscriptionException;
import dev.voxgate.router.RoutingReport;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * What a request's access line says beyond what its HTTP exchange shows: the router's report, and the failure the
 * caller was answered with. The handlers note it as they go; {@link AccessLog} reads it when the request ends.
 *
 * <p>Not thread-safe: one per request, kept on its {@link Context}.
 */
final class AccessNote {

    private static final String ATTRIBUTE = AccessNote.class.getName();

    private RoutingReport report;
    private TranscriptionFailure failure;

    private AccessNote() {
    }

    /** The note of {@code ctx}'s request, made empty on first use. */
    static AccessNote of(Context ctx) {
        AccessNote note = ctx.attribute(ATTRIBUTE);
        if (note == null) {
            note = new AccessNote();
            ctx.attribute(ATTRIBUTE, note);
        }
        return note;
    }

    /** The router answered, as {@code report} says. */
    void routed(RoutingReport report) {
        this.report = report;
    }

    /** The caller was answered with {@code e}'s failure; the router's report comes with it when it routed the call. */
    void failed(TranscriptionException e) {
        this.failure = e.failure();
        if (e instanceof RoutedTranscriptionException routed) {
            this.report = routed.report();
        }
    }

    Optional<RoutingReport> report() {
        return Optional.ofNullable(report);
    }

    /** The deployment that answered; on failure the last one tried; empty when nothing was tried. */
    Optional<String> deployment() {
        return report().flatMap(routed -> routed.deploymentId().or(() -> routed.attempts().isEmpty()
                ? Optional.empty() : Optional.of(routed.attempts().getLast().deploymentId())));
    }

    /** The group routed to or, for an answer from the cache (no route taken), the group it was kept for. */
    Optional<String> modelGroup(Context ctx) {
        return report().map(RoutingReport::modelGroup)
                .or(() -> Optional.ofNullable(ctx.res().getHeader(RoutingHeaders.MODEL_GROUP)));
    }

    Optional<TranscriptionFailure> failure() {
        return Optional.ofNullable(failure);
    }
}
