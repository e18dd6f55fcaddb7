package dev.voxgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback vendor for the soak run: it answers every request the same way, healthy or faulty, and keeps nothing of
 * what it was sent (no bodies, no request log), so that minutes of traffic do not grow the fake's own memory.
 *
 * <p>Thread-safe.
 */
final class SoakVendor implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Thread drain;

    SoakVendor(MockResponse answer) {
        server.setBodyLimit(0);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer;
            }

            @Override
            public MockResponse peek() {
                return answer;
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // mockwebserver queues a record of every request until taken; take them as they come.
        drain = Thread.ofVirtual().name("soak-vendor-drain").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    server.takeRequest(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A healthy vendor answering every request with {@code transcript}. */
    static SoakVendor healthy(String transcript) {
        return new SoakVendor(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"text\":\"" + transcript + "\"}").build());
    }

    /** A vendor with {@code fault} on every request; {@link UpstreamFault#NEVER_ANSWERS} is not for soaking. */
    static SoakVendor faulty(UpstreamFault fault) {
        return new SoakVendor(fault.response());
    }

    /** A vendor that answers only after {@code seconds}, past a short deployment timeout. */
    static SoakVendor late(int seconds) {
        return new SoakVendor(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"text\":\"late\"}").headersDelay(seconds, TimeUnit.SECONDS).build());
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        drain.interrupt();
        server.close();
    }
}
