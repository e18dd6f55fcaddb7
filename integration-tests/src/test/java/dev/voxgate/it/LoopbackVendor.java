package dev.voxgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A vendor's API played on a loopback port: each request goes to {@link #answer}, which checks it as strictly as
 * the vendor would and answers in the vendor's shape.
 */
abstract class LoopbackVendor implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();

    /** Starts listening at once; subclasses must be ready to answer when their constructor calls this one. */
    LoopbackVendor() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vendor's answer to {@code request}. */
    protected abstract MockResponse answer(RecordedRequest request);

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    final String root(String path) {
        String root = server.url("/").toString();
        return root.substring(0, root.length() - 1) + path;
    }

    /** Requests that reached the fake, accepted or not. */
    final int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public final void close() {
        server.close();
    }
}
