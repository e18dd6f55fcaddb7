package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.state.AttemptOutcome;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.router.strategy.BuiltInStrategy;
import dev.voxgate.router.strategy.RoutingStrategyArgs;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The router's whole decision for one attempt among 100 deployments (every one with an {@code rpm} and a
 * {@code max_parallel_requests}): read the rests and usage from the in-memory state, leave out the unavailable,
 * keep the best tier, let the strategy pick, start the attempt, and finish it as a success.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PickerBenchmark {

    @Param({"simple-shuffle", "least-busy", "latency-based-routing", "usage-based-routing"})
    public String strategy;

    private static final TranscriptionPort PORT = request -> Transcription.ofText("unused");

    private Picker picker;
    private RoutingState state;
    private Route route;
    private final AttemptOutcome success = new AttemptOutcome.Succeeded(Duration.ofMillis(800), OptionalDouble.of(12));

    @Setup
    public void setUp() {
        RouterSettings settings = RouterSettings.builder().build();
        state = RoutingState.inMemory();
        RoutingContext context = new RoutingContext(settings, InstantSource.system(),
                () -> ThreadLocalRandom.current().nextLong(),
                BuiltInStrategy.named(strategy).orElseThrow().create(RoutingStrategyArgs.defaults()), state,
                Sleeper.system(), RetryBackoff.defaults(), Optional.empty(), new Listeners(List.of()));
        picker = new Picker(context);
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Deployment deployment = Deployment.builder("deployment-" + i, "whisper", "openai", "whisper-1")
                    .weight(1.0 + i % 4).rpm(1_000_000_000).maxParallelRequests(1_000).build();
            targets.add(Target.of(deployment, PORT));
        }
        route = new Route("whisper", targets);
    }

    @Benchmark
    public String pickStartAndFinish() {
        Target chosen = picker.first(route);
        state.finish(chosen.id(), InstantSource.system().instant(), success);
        return chosen.id();
    }
}
