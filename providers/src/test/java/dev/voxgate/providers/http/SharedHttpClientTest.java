package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.providers.ProviderCatalog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class SharedHttpClientTest {

    @Test
    void aQuietClientReusesOneWarmConnection() throws Exception {
        SharedHttpClient shared = ProviderCatalog.newHttpClient();
        try (MockWebServer vendor = new MockWebServer()) {
            vendor.start();
            for (int i = 0; i < 40; i++) {
                vendor.enqueue(new MockResponse.Builder().body("ok").build());
                try (Response response = shared.newCall(new Request.Builder().url(vendor.url("/")).build()).execute()) {
                    assertThat(response.body().string()).isEqualTo("ok");
                }
            }
            assertThat(idleConnections(shared)).isEqualTo(1);
        }
    }

    @Test
    void manyCallsInFlightSpreadOverLanes() throws Exception {
        SharedHttpClient shared = ProviderCatalog.newHttpClient();
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
            long lanesUsed = shared.lanes().stream().filter(lane -> lane.connectionPool().connectionCount() > 0).count();
            assertThat(lanesUsed).isGreaterThan(1);
            assertThat(shared.lanes()).allSatisfy(lane ->
                    assertThat(lane.connectionPool().connectionCount()).isLessThan(inFlight));
            assertThat(shared.lanes().stream().mapToInt(lane -> lane.connectionPool().connectionCount()).sum())
                    .isGreaterThanOrEqualTo(inFlight);
        }
    }

    @Test
    void aTimeoutDerivesFromTheLanesAndSharesTheirPools() {
        SharedHttpClient shared = ProviderCatalog.newHttpClient();
        SharedHttpClient bounded = shared.withTimeout(Duration.ofSeconds(7));
        assertThat(bounded.lanes()).extracting(OkHttpClient::connectionPool)
                .containsExactlyElementsOf(shared.lanes().stream().map(OkHttpClient::connectionPool).toList());
        assertThat(bounded.lanes()).allSatisfy(lane -> {
            assertThat(lane.callTimeoutMillis()).isEqualTo(7_000);
            assertThat(lane.readTimeoutMillis()).as("no per-read timeout: the call's covers it").isZero();
        });
    }

    private static int idleConnections(SharedHttpClient shared) {
        return shared.lanes().stream().mapToInt(lane -> lane.connectionPool().idleConnectionCount()).sum();
    }
}
