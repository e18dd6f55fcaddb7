package dev.voxgate.state.redis;

import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.AnsweringConnector;
import dev.voxgate.router.Router;
import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.RoutingState;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing state in a local {@code redis-server} (started here on a free port; it must be on the PATH): a routed
 * call over a fake port that answers at once, and an attempt's start and end alone. What it measures is what sharing
 * the state adds to every call: the Redis round trips a call waits for, and the client's work around them; the
 * same calls on the in-memory state are the yardstick, measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SharedStateBenchmark {

    private static final Transcription ANSWER = Transcription.ofText("Four score and seven years ago");
    private static final AttemptOutcome ANSWERED = new AttemptOutcome.Succeeded(Duration.ofMillis(200),
            OptionalDouble.of(3));

    private Process server;
    private ResilientRoutingState state;
    private Router router;
    private Router inMemoryRouter;
    private final TranscriptionRequest request =
            TranscriptionRequest.builder("whisper", AudioInput.of("speech.wav", new byte[16])).build();

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitListening(port);
        state = new ResilientRoutingState(new RedisTarget.Server(RedisURI.create("redis://127.0.0.1:" + port)),
                "voxgate:", id -> Duration.ofSeconds(605), Duration.ofMillis(250), Duration.ofSeconds(1),
                InstantSource.system());
        router = router(state);
        inMemoryRouter = router(RoutingState.inMemory());
    }

    private static Router router(RoutingState state) {
        return Router.builder()
                .deployment(Deployment.builder("d1", "whisper", "openai", "whisper-1").build())
                .state(state)
                .connector(new AnsweringConnector(ANSWER))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        state.close();
        server.destroy();
    }

    /** One call through the router: the pick, the vendor call (none here) and the end of the attempt. */
    @Benchmark
    public Transcription routeOneCall() {
        return router.transcribe(request);
    }

    /** The same call on the router's in-memory state: what the Redis figures compare to, in the same run. */
    @Benchmark
    public Transcription routeOneCallInMemory() {
        return inMemoryRouter.transcribe(request);
    }

    /** The in-memory call with four callers at once. */
    @Benchmark
    @Threads(4)
    public Transcription routeOneCallInMemoryFourCallers() {
        return inMemoryRouter.transcribe(request);
    }

    /** The same with four callers at once, sharing the one connection. */
    @Benchmark
    @Threads(4)
    public Transcription routeOneCallFourCallers() {
        return router.transcribe(request);
    }

    /** An attempt's start, waited for, and its end, sent without waiting: the state's part of a call. */
    @Benchmark
    public boolean startAndEnd() {
        Instant now = Instant.now();
        boolean started = state.tryStart("d2", now, DeploymentLimits.none());
        state.end("d2", now, ANSWERED);
        return started;
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port);
    }
}
