package dev.voxgate.router;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RoutingListener} that keeps every event a router tells it, in order. Each listener method but
 * {@code handoff} takes its event alone, so one handler behind a proxy records them all, and a method the interface
 * gains is recorded too.
 */
final class EventRecorder {

    private final List<Record> events = new CopyOnWriteArrayList<>();
    private final RoutingListener listener = (RoutingListener) Proxy.newProxyInstance(
            RoutingListener.class.getClassLoader(), new Class<?>[] {RoutingListener.class}, this::handle);

    /** The listener to register with {@code Router.builder().listener(...)}. */
    RoutingListener listener() {
        return listener;
    }

    List<Record> events() {
        return List.copyOf(events);
    }

    /** The events of one type, in order. */
    <E extends Record> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Object handle(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "EventRecorder";
            // Not an event: the task handed to another thread, which goes on as it is.
            case "handoff" -> args[0];
            default -> {
                events.add((Record) args[0]);
                yield null;
            }
        };
    }
}
