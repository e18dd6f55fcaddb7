package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionException;
import java.util.Objects;

/**
 * How every routed call fails: the {@link TranscriptionException} the caller sees (same failure kind and message),
 * with the {@link RoutingReport} of what the router tried. Its cause is the failure as the router first met it.
 *
 * <p>Immutable after construction.
 */
public final class RoutedTranscriptionException extends TranscriptionException {

    private final transient RoutingReport report;

    public RoutedTranscriptionException(TranscriptionException failure, RoutingReport report) {
        super(Objects.requireNonNull(failure, "failure").failure(), failure);
        this.report = Objects.requireNonNull(report, "report");
    }

    /** What the router tried before giving up. */
    public RoutingReport report() {
        return report;
    }
}
