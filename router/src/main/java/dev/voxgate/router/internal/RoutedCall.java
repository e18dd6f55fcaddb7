package dev.voxgate.router.internal;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.RequestNeeds;
import dev.voxgate.core.error.TranscriptionException;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The call a {@link RoutingEngine} routes: what to do on the chosen deployment, and how much of its {@code tpm}
 * budget (audio seconds, for transcription) a result used.
 *
 * @param needs        what serving it takes of a deployment; those that cannot are left out before the pick
 * @param invoke       makes the call on a deployment and its endpoint; throws
 *                     {@link dev.voxgate.core.error.TranscriptionException} on failure
 * @param audioSeconds the audio seconds a result stands for, when known
 * @param <P>          the endpoint type
 * @param <T>          the result type
 *
 * <p>Immutable; thread-safe when both functions are.
 */
public record RoutedCall<P, T>(RequestNeeds needs, BiFunction<Deployment, P, T> invoke,
                               Function<? super T, OptionalDouble> audioSeconds) {

    public RoutedCall {
        Objects.requireNonNull(needs, "needs");
        Objects.requireNonNull(invoke, "invoke");
        Objects.requireNonNull(audioSeconds, "audioSeconds");
    }

    /**
     * What {@code invoke} throws to end the whole call with {@code failure}, past every retry and fallback: for a
     * call whose partial result already reached the caller (a streamed transcript), which another deployment
     * cannot take back.
     */
    public static RuntimeException endingTheCall(TranscriptionException failure) {
        return new CallEnded(failure);
    }
}
