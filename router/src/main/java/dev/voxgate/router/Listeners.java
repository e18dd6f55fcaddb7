package dev.voxgate.router;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A router's {@link RoutingListener}s, called in the order they were registered, each shielded from the call and from
 * the others: what a listener throws is logged and goes no further.
 *
 * <p>Thread-safe.
 */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(RoutingListener.class.getName());

    private final List<RoutingListener> listeners;
    private final Set<RoutingListener> reported = ConcurrentHashMap.newKeySet();

    Listeners(List<RoutingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Whether anyone listens: when not, the router builds no events at all. */
    boolean any() {
        return !listeners.isEmpty();
    }

    void attemptStarted(RoutingListener.AttemptStarted event) {
        each("attemptStarted", listener -> listener.attemptStarted(event));
    }

    void attemptEnded(RoutingListener.AttemptEnded event) {
        each("attemptEnded", listener -> listener.attemptEnded(event));
    }

    void deploymentRested(RoutingListener.DeploymentRested event) {
        each("deploymentRested", listener -> listener.deploymentRested(event));
    }

    void fallbackTaken(RoutingListener.FallbackTaken event) {
        each("fallbackTaken", listener -> listener.fallbackTaken(event));
    }

    void requestEnded(RoutingListener.RequestEnded event) {
        each("requestEnded", listener -> listener.requestEnded(event));
    }

    /** {@code task} wrapped by every listener's {@link RoutingListener#handoff}, the first registered innermost. */
    Runnable handoff(Runnable task) {
        Runnable wrapped = task;
        for (RoutingListener listener : listeners) {
            try {
                wrapped = Objects.requireNonNull(listener.handoff(wrapped), "handoff returned null");
            } catch (RuntimeException e) {
                report(listener, "handoff", e);
            }
        }
        return wrapped;
    }

    private void each(String method, Consumer<RoutingListener> call) {
        for (RoutingListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (Exception e) {
                report(listener, method, e);
            }
        }
    }

    private void report(RoutingListener listener, String method, Exception e) {
        // A metrics or logging bug must not fail the caller's transcription. The first failure of each listener is a
        // warning with its stack trace; later ones are debug, so that a listener that always throws cannot flood the
        // log (and slow every call with it).
        Level level = reported.add(listener) ? Level.WARNING : Level.DEBUG;
        LOG.log(level, () -> "RoutingListener " + listener.getClass().getName() + " threw from " + method
                + "; the call goes on without it", e);
    }
}
