package dev.voxgate.providers.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The lanes of the shared client, observed through the pools it is given and the connections a vendor sees. */
class SharedHttpClientTest {

    private final List<ConnectionPool> pools = new CopyOnWriteArrayList<>();

    /** A client as the catalog makes it, each lane's pool recorded as it is made. */
    private SharedHttpClient recordingClient() {
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(4096);
        dispatcher.setMaxRequestsPerHost(4096);
        return SharedHttpClient.of(new OkHttpClient.Builder().dispatcher(dispatcher), () -> {
            ConnectionPool pool = new ConnectionPool(4096, 5, TimeUnit.MINUTES);
            pools.add(pool);
            return pool;
        });
    }

    @Test
    void aQuietClientReusesOneWarmConnection() throws Exception {
        SharedHttpClient shared = recordingClient();
        try (MockWebServer vendor = new MockWebServer()) {
            vendor.start();
            for (int i = 0; i < 40; i++) {
                vendor.enqueue(new MockResponse.Builder().body("ok").build());
                try (Response response = shared.newCall(new Request.Builder().url(vendor.url("/")).build()).execute()) {
                    assertThat(response.body().string()).isEqualTo("ok");
                }
                assertThat(vendor.takeRequest().getConnectionIndex()).as("call %d", i).isZero();
            }
        }
        assertThat(pools).hasSize(SharedHttpClient.LANES);
        assertThat(pools.stream().mapToInt(ConnectionPool::connectionCount).sum()).isEqualTo(1);
    }

    @Test
    void manyCallsInFlightSpreadOverLanes() throws Exception {
        SharedHttpClient shared = recordingClient();
        int inFlight = SharedHttpClient.CALLS_PER_LANE * 4;
        CountDownLatch allArrived = new CountDownLatch(inFlight);
        try (MockWebServer vendor = new MockWebServer();
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            vendor.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    allArrived.countDown();
                    allArrived.await(20, TimeUnit.SECONDS);
                    return new MockResponse.Builder().body("ok").build();
                }
            });
            vendor.start();
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < inFlight; i++) {
                answers.add(callers.submit(() -> {
                    try (Response response = shared.withTimeout(Duration.ofSeconds(30))
                            .newCall(new Request.Builder().url(vendor.url("/")).build()).execute()) {
                        return response.body().string();
                    }
                }));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("ok");
            }
        }
        assertThat(pools.stream().filter(pool -> pool.connectionCount() > 0).count()).isGreaterThan(1);
        assertThat(pools).allSatisfy(pool -> assertThat(pool.connectionCount()).isLessThan(inFlight));
        assertThat(pools.stream().mapToInt(ConnectionPool::connectionCount).sum()).isGreaterThanOrEqualTo(inFlight);
    }

    @Test
    void interceptorsSeeEveryCallOnEveryLaneAndLeaveThePoolsShared() throws Exception {
        SharedHttpClient intercepted = recordingClient().withInterceptors(List.of(
                chain -> chain.proceed(chain.request().newBuilder().header("x-first", "1").build()),
                chain -> chain.proceed(chain.request().newBuilder()
                        .header("x-second", chain.request().header("x-first") + "2").build())));
        try (MockWebServer vendor = new MockWebServer()) {
            vendor.enqueue(new MockResponse.Builder().body("ok").build());
            vendor.start();
            try (Response response = intercepted.withTimeout(Duration.ofSeconds(10))
                    .newCall(new Request.Builder().url(vendor.url("/")).build()).execute()) {
                assertThat(response.body().string()).isEqualTo("ok");
            }
            RecordedRequest seen = vendor.takeRequest();
            assertThat(seen.getHeaders().get("x-first")).isEqualTo("1");
            assertThat(seen.getHeaders().get("x-second")).isEqualTo("12");
        }
        assertThat(pools).as("no pool of its own").hasSize(SharedHttpClient.LANES);
    }

    @Test
    void aTimeoutBoundsTheWholeCallAndSharesTheLanesPools() throws Exception {
        SharedHttpClient shared = recordingClient();
        SharedHttpClient bounded = shared.withTimeout(Duration.ofMillis(300));
        try (MockWebServer vendor = new MockWebServer()) {
            vendor.enqueue(new MockResponse.Builder().body("ok").build());
            vendor.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
            vendor.start();
            try (Response response = bounded.newCall(new Request.Builder().url(vendor.url("/")).build()).execute()) {
                assertThat(response.body().string()).isEqualTo("ok");
            }
            assertThat(pools).as("no pool of its own").hasSize(SharedHttpClient.LANES);
            assertThat(pools.stream().mapToInt(ConnectionPool::idleConnectionCount).sum()).isEqualTo(1);
            long started = System.nanoTime();

            assertThatThrownBy(() -> bounded.newCall(new Request.Builder().url(vendor.url("/")).build()).execute())
                    .isInstanceOf(InterruptedIOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
