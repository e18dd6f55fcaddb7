package dev.voxgate.router;

import java.util.Objects;

/**
 * A routed call's result with the {@link RoutingReport} of how it was obtained.
 *
 * @param value  what the deployment returned
 * @param report which group and deployment answered, after how many retries and fallbacks, in how much time
 * @param <T>    the result type, e.g. {@link dev.voxgate.core.model.Transcription}
 *
 * <p>Immutable and thread-safe when {@code T} is.
 */
public record Routed<T>(T value, RoutingReport report) {

    public Routed {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(report, "report");
    }
}
