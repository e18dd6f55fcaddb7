package dev.voxgate.router.state;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How an attempt that {@link RoutingState#tryStart} admitted ended, as {@link RoutingState#finish} records it.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface AttemptOutcome {

    /**
     * The deployment answered.
     *
     * @param latency      how long it took
     * @param audioSeconds the transcribed audio's length, when known; it counts against {@code tpm}
     */
    record Succeeded(Duration latency, OptionalDouble audioSeconds) implements AttemptOutcome {
        public Succeeded {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(audioSeconds, "audioSeconds");
        }
    }

    /** The deployment failed with a failure of {@code kind}. */
    record Failed(FailureKind kind) implements AttemptOutcome {
        public Failed {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * The attempt says nothing about the deployment, so only its in-flight count changes: the call ended (its
     * deadline passed, or it was interrupted) before the deployment answered, or the attempt failed on the caller's
     * own credentials, whose wrong key or spent quota is the caller's, not the deployment's.
     */
    record Abandoned() implements AttemptOutcome {
    }
}
