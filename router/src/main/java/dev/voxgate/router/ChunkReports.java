package dev.voxgate.router;

import dev.voxgate.core.audio.CutFinder.Span;
import dev.voxgate.router.RoutingReport.Chunk;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@link RoutingReport} of a call made in chunks: each chunk's own report, and all of their attempts, fallbacks
 * and left-out deployments together, so that the call's cost, retries and audio seconds are the chunks' sums.
 *
 * <p>Not thread-safe: only the calling thread adds to it, once each chunk's call has ended.
 */
final class ChunkReports {

    private final String requestedModel;
    private final Instant started;
    private final InstantSource clock;
    private final List<Chunk> chunks = new ArrayList<>();

    ChunkReports(String requestedModel, Instant started, InstantSource clock) {
        this.requestedModel = requestedModel;
        this.started = started;
        this.clock = clock;
    }

    /** The call of the chunk at {@code span} ended as {@code report} says. */
    void done(Span span, RoutingReport report) {
        chunks.add(new Chunk(span.index(), span.startSeconds(), span.endSeconds(), report));
    }

    /** The report as of now; on failure no deployment answered the call. */
    RoutingReport report(boolean failed) {
        List<Chunk> ordered = chunks.stream().sorted(Comparator.comparingInt(Chunk::index)).toList();
        List<RoutingReport> reports = ordered.stream().map(Chunk::report).toList();
        Optional<RoutingReport> last = reports.isEmpty() ? Optional.empty() : Optional.of(reports.getLast());
        List<RoutingReport.LeftOut> leftOut = reports.stream().flatMap(report -> report.leftOut().stream())
                .distinct().toList();
        return new RoutingReport(requestedModel, last.map(RoutingReport::modelGroup).orElse(requestedModel),
                failed ? Optional.empty() : last.flatMap(RoutingReport::deploymentId),
                reports.stream().flatMap(report -> report.attempts().stream()).toList(),
                reports.stream().flatMap(report -> report.fallbacks().stream()).toList(), leftOut,
                CallTrace.elapsed(started, clock.instant()),
                reports.stream().map(RoutingReport::providerTime).reduce(Duration.ZERO, Duration::plus), ordered);
    }

    /** The report of a chunk that was never sent. */
    static RoutingReport none(String requestedModel) {
        return new RoutingReport(requestedModel, requestedModel, Optional.empty(), List.of(), List.of(), List.of(),
                Duration.ZERO, Duration.ZERO);
    }
}
