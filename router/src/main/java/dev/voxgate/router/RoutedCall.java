package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.RequestNeeds;
import dev.voxgate.core.model.Transcription;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The call a {@link RoutingEngine} routes: what it needs of a deployment, and what to do on the chosen one.
 *
 * @param needs  what serving it takes of a deployment; those that cannot are left out before the pick
 * @param invoke makes the call on a deployment and its port; throws {@link TranscriptionException} on failure
 *
 * <p>Immutable; thread-safe when {@code invoke} is.
 */
record RoutedCall(RequestNeeds needs, BiFunction<Deployment, TranscriptionPort, Transcription> invoke) {

    RoutedCall {
        Objects.requireNonNull(needs, "needs");
        Objects.requireNonNull(invoke, "invoke");
    }

    /**
     * What {@code invoke} throws to end the whole call with {@code failure}, past every retry and fallback: for a
     * call whose partial result already reached the caller (a streamed transcript), which another deployment
     * cannot take back.
     */
    static RuntimeException endingTheCall(TranscriptionException failure) {
        return new CallEnded(failure);
    }
}
