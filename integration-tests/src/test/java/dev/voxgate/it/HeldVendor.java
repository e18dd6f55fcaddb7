package dev.voxgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback OpenAI-style vendor that takes each upload, then holds its transcript back until the test releases it:
 * a transcription that is in flight for exactly as long as the test needs.
 *
 * <p>Thread-safe.
 */
final class HeldVendor implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HeldVendor(String transcript) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                released.await();
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"text\":\"" + transcript + "\"}").build();
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    /** Waits until an upload has arrived and is being held. */
    boolean awaitArrival(long seconds) throws InterruptedException {
        return arrived.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets every held request, and every later one, have its transcript. */
    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.close();
    }
}
