package dev.voxgate.providers.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The HTTP client every adapter shares, its connection pool split into lanes. OkHttp finds a pooled connection for a
 * call, and tidies the pool after each call, by walking every connection of the pool, each under its lock: with
 * 2,000 calls in flight to an HTTP/1.1 vendor (2,000 connections) those walks took 30% of the proxy's CPU samples
 * ({@code bench/run.sh}, 2 s upstream, 2,000 clients). A lane is a client sharing everything with the others
 * (dispatcher, socket factory, timeouts) except its pool. Calls spread over as many lanes as the calls in flight
 * need, one more for every {@value #CALLS_PER_LANE} up to {@value #LANES}, chosen at random: a quiet proxy keeps
 * using the one lane and its few warm connections (no new TCP and TLS handshakes), a busy one walks a sixteenth of
 * its connections at most. Vendors that speak HTTP/2 multiplex calls over few connections and lose nothing by it.
 *
 * <p>Immutable and thread-safe.
 */
public final class SharedHttpClient {

    static final int LANES = 16;
    static final int CALLS_PER_LANE = 64;

    private final List<OkHttpClient> lanes;

    private SharedHttpClient(List<OkHttpClient> lanes) {
        this.lanes = List.copyOf(lanes);
    }

    /** {@value #LANES} lanes configured as {@code settings}, each with its own pool from {@code pools}. */
    public static SharedHttpClient of(OkHttpClient.Builder settings, Supplier<ConnectionPool> pools) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(pools, "pools");
        OkHttpClient base = settings.build();
        return new SharedHttpClient(IntStream.range(0, LANES)
                .mapToObj(lane -> base.newBuilder().connectionPool(pools.get()).build())
                .toList());
    }

    /** A call of {@code request} on a lane. */
    public Call newCall(Request request) {
        OkHttpClient first = lanes.getFirst();
        int spread = Math.min(lanes.size(), 1 + first.dispatcher().runningCallsCount() / CALLS_PER_LANE);
        return (spread == 1 ? first : lanes.get(ThreadLocalRandom.current().nextInt(spread))).newCall(request);
    }

    /** The same lanes and pools with {@code deadline} as the whole call's timeout. */
    public SharedHttpClient withTimeout(Duration deadline) {
        return derived(builder -> builder.callTimeout(deadline));
    }

    /**
     * The same lanes and pools, with {@code interceptors} added, in order, to what every call goes through: how the
     * proxy adds what no adapter should know of, such as a trace's {@code traceparent} header.
     */
    public SharedHttpClient withInterceptors(List<? extends Interceptor> interceptors) {
        List<Interceptor> added = List.copyOf(interceptors);
        return added.isEmpty() ? this : derived(builder -> {
            added.forEach(builder::addInterceptor);
            return builder;
        });
    }

    // The same lanes and pools, each lane's settings changed by change (which must not replace the pool).
    private SharedHttpClient derived(UnaryOperator<OkHttpClient.Builder> change) {
        return new SharedHttpClient(lanes.stream().map(lane -> change.apply(lane.newBuilder()).build()).toList());
    }
}
