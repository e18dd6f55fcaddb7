package dev.voxgate.router;

import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A routed call over fake ports that answer at once: resolve the group, leave out resting deployments, pick one
 * of three by weight, run the attempt on its virtual thread under the router's deadline, and return. What it
 * measures is the router's own cost per request, added to every vendor call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {

    private static final Transcription ANSWER = Transcription.ofText("Four score and seven years ago");

    private final Router router = Router.builder()
            .deployment(deployment("d1", 1.0))
            .deployment(deployment("d2", 2.0))
            .deployment(deployment("d3", 3.0))
            .connector(new AnsweringConnector(ANSWER))
            .build();
    private final TranscriptionRequest request =
            TranscriptionRequest.builder("whisper", AudioInput.of("speech.wav", new byte[16])).build();

    @Benchmark
    public Transcription routeOneCall() {
        return router.transcribe(request);
    }

    /** The same with four callers at once, as under load: shared state and the attempt threads contend. */
    @Benchmark
    @Threads(4)
    public Transcription routeOneCallFourCallers() {
        return router.transcribe(request);
    }

    private static Deployment deployment(String id, double weight) {
        return Deployment.builder(id, "whisper", "openai", "whisper-1").weight(weight).build();
    }
}
