package dev.voxgate.providers.spi;

import dev.voxgate.providers.ProviderCatalog;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One vendor call's way through the shared client, from several threads at once, with the network left out: an
 * interceptor answers every call at once, so what is measured is what OkHttp does around a call, among it the call
 * timeout. {@code armed}: the call keeps the client's call timeout (each call enters and leaves Okio's watchdog queue,
 * under one lock for the JVM); {@code cleared}: the call's timeout is cleared first, as {@code UpstreamClient} does for
 * an attempt the router bounds ({@code CallerTimeLimit}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(4)
@Fork(1)
public class CallTimeoutBenchmark {

    private static final MediaType JSON = MediaType.get("application/json");

    @Param({"armed", "cleared"})
    String timeout;

    private SharedHttpClient client;
    private Request request;

    @Setup
    public void setUp() {
        Interceptor answer = chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
                .code(200).message("OK").body(ResponseBody.create("{\"text\":\"hi\"}", JSON)).build();
        client = ProviderCatalog.newHttpClient().withInterceptors(List.of(answer));
        request = new Request.Builder().url("http://127.0.0.1:9/v1/audio/transcriptions").build();
    }

    @Benchmark
    public String call() throws IOException {
        Call call = client.newCall(request);
        if ("cleared".equals(timeout)) {
            call.timeout().clearTimeout();
        }
        try (Response response = call.execute()) {
            return response.body().string();
        }
    }
}
