package dev.voxgate.proxy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Times every HTTP request the server handles, by method, status and outcome ({@code jetty_server_requests_seconds},
 * the name and labels of Micrometer's Jetty {@code TimedHandler}), and counts those under way
 * ({@code jetty_server_requests_active}).
 *
 * <p>In the proxy's place because Micrometer's handler cost more than the router's meters and the access line
 * together: it observes every read and write of the exchange through Jetty's {@code EventsHandler} and keeps two
 * long-task timers (a skip-list insert and removal per request). This one wraps the request's callback only, and finds
 * its timer in an array. It also keeps the label values bounded, as every meter of the proxy does: the method is a
 * caller's token, so a method outside {@link #METHODS} counts as {@code OTHER} instead of adding a series.
 *
 * <p>Thread-safe.
 */
final class ServerRequestMeters extends Handler.Wrapper {

    static final String REQUESTS = "jetty.server.requests";
    static final String ACTIVE = "jetty.server.requests.active";
    /** The methods counted under their own name; any other is {@link #OTHER_METHOD}. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final String OTHER_METHOD = "OTHER";
    private static final int STATUSES = 600;

    private final MeterRegistry registry;
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>((METHODS.size() + 1) * STATUSES);
    private final AtomicInteger active = new AtomicInteger();

    ServerRequestMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(ACTIVE, active, AtomicInteger::get).description("HTTP requests being handled")
                .register(registry);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        active.incrementAndGet();
        Timed timed = new Timed(callback, methodIndex(request.getMethod()), response);
        boolean handled;
        try {
            handled = super.handle(request, response, timed);
        } catch (Exception | Error e) {
            // Jetty fails the callback it passed here, not this one, and answers 500.
            timed.end(500);
            throw e;
        }
        if (!handled) {
            // The server answers 404 with the callback it holds, not this one.
            timed.end(404);
        }
        return handled;
    }

    /** The request's callback, which records the request once, when it completes or is given up. */
    private final class Timed extends Callback.Nested {

        private static final VarHandle ENDED;

        static {
            try {
                ENDED = MethodHandles.lookup().findVarHandle(Timed.class, "ended", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final long start = System.nanoTime();
        private final int method;
        private final Response response;
        @SuppressWarnings("unused") // through ENDED
        private volatile boolean ended;

        Timed(Callback callback, int method, Response response) {
            super(callback);
            this.method = method;
            this.response = response;
        }

        @Override
        public void succeeded() {
            end(response.getStatus());
            super.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            // Jetty answers 500 when nothing was committed yet; otherwise the caller got the status already sent.
            end(response.isCommitted() ? response.getStatus() : 500);
            super.failed(x);
        }

        void end(int status) {
            if (ENDED.compareAndSet(this, false, true)) {
                active.decrementAndGet();
                timer(method, status).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    private Timer timer(int method, int status) {
        int code = status >= 100 && status < STATUSES ? status : 0;
        int index = method * STATUSES + code;
        Timer timer = timers.get(index);
        if (timer == null) {
            // Two requests may both register it: the registry hands both the same meter.
            timer = register(method, code);
            timers.set(index, timer);
        }
        return timer;
    }

    private Timer register(int method, int status) {
        return Timer.builder(REQUESTS)
                .tag("method", method < METHODS.size() ? METHODS.get(method) : OTHER_METHOD)
                .tag("status", status == 0 ? "UNKNOWN" : Integer.toString(status))
                .tags(List.of(Outcome.forStatus(status).asTag()))
                .description("HTTP requests the server handled").register(registry);
    }

    private static int methodIndex(String method) {
        int index = METHODS.indexOf(method);
        return index < 0 ? METHODS.size() : index;
    }
}
