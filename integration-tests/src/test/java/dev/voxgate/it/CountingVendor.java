package dev.voxgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback OpenAI-style vendor that counts what reaches it: every request, and the most it had in hand at once.
 * It answers after {@code delay}, or with a 429 and {@code Retry-After} when told to refuse, or holds the first
 * {@code held} requests until {@link #release()}.
 *
 * <p>Thread-safe.
 */
final class CountingVendor implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inHand = new AtomicInteger();
    private final AtomicInteger mostInHand = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch heldArrived;
    private final int held;
    private final Duration delay;
    private final int refuseWithRetryAfter;
    private final String transcript;

    private CountingVendor(Duration delay, int held, int refuseWithRetryAfter, String transcript) {
        this.delay = delay;
        this.transcript = transcript;
        this.held = held;
        this.heldArrived = new CountDownLatch(held);
        this.refuseWithRetryAfter = refuseWithRetryAfter;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer();
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CountingVendor answering(Duration delay) {
        return new CountingVendor(delay, 0, 0, "counted");
    }

    /** Holds its first {@code held} requests until {@link #release()}, then answers each with {@code transcript}. */
    static CountingVendor holdingFirst(int held, String transcript) {
        return new CountingVendor(Duration.ZERO, held, 0, transcript);
    }

    static CountingVendor refusing(int retryAfterSeconds) {
        return new CountingVendor(Duration.ZERO, 0, retryAfterSeconds, "unused");
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    int requests() {
        return requests.get();
    }

    int mostInHand() {
        return mostInHand.get();
    }

    /** Waits until the held requests have all arrived; whether they did within {@code patience}. */
    boolean awaitHeld(Duration patience) throws InterruptedException {
        return heldArrived.await(patience.toMillis(), TimeUnit.MILLISECONDS);
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

    private MockResponse answer() throws InterruptedException {
        int number = requests.incrementAndGet();
        mostInHand.accumulateAndGet(inHand.incrementAndGet(), Math::max);
        try {
            if (number <= held) {
                heldArrived.countDown();
                released.await();
            }
            if (refuseWithRetryAfter > 0) {
                return new MockResponse.Builder().code(429).addHeader("Retry-After", refuseWithRetryAfter)
                        .addHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build();
            }
            Thread.sleep(delay);
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"text\":\"" + transcript + "\"}").build();
        } finally {
            inHand.decrementAndGet();
        }
    }
}
