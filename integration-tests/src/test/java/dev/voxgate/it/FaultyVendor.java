package dev.voxgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback vendor that misbehaves on demand: every request gets the current {@link UpstreamFault}'s answer, from
 * a reset during the upload to a body dripped a byte at a time, or no answer until it closes. It checks nothing; it
 * only breaks things.
 *
 * <p>Thread-safe: the fault may be switched while requests are served.
 */
final class FaultyVendor implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final AtomicReference<UpstreamFault> fault = new AtomicReference<>(UpstreamFault.INTERNAL_ERROR_500);
    private final CountDownLatch closing = new CountDownLatch(1);

    FaultyVendor() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                UpstreamFault current = fault.get();
                if (current == UpstreamFault.NEVER_ANSWERS) {
                    // Held until the vendor closes, so that its threads can end then.
                    closing.await();
                }
                return current.response();
            }

            // mockwebserver asks before it reads the body, so that faults during the upload can happen.
            @Override
            public MockResponse peek() {
                return fault.get().response();
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void misbehave(UpstreamFault fault) {
        if (!fault.reachesTheVendor()) {
            throw new IllegalArgumentException(fault + " is a base URL nobody listens on: see refusedBaseUrl()");
        }
        this.fault.set(Objects.requireNonNull(fault, "fault"));
    }

    /** OpenAI-style base URL ({@code …/v1}). */
    String baseUrl() {
        return server.url("/v1").toString();
    }

    int port() {
        return server.getPort();
    }

    /** Requests that reached the vendor, answered or not. */
    int requestCount() {
        return server.getRequestCount();
    }

    /** A base URL on a loopback port that was free a moment ago, so that connecting to it is refused. */
    static String refusedBaseUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.close();
    }
}
