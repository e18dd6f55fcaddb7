package dev.voxgate.router.example;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.DeploymentConnector;
import dev.voxgate.router.CallOptions;
import dev.voxgate.router.Routed;
import dev.voxgate.router.Router;
import dev.voxgate.router.RouterSettings;
import dev.voxgate.router.RoutingReport;
import dev.voxgate.router.strategy.BuiltInStrategy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The README's example of embedding the router in another Java program, with no DI container: the README quotes
 * the lines between the markers, and {@code EmbeddedRouterExampleTest} checks both that it runs and that the
 * README still quotes it word for word.
 */
public final class EmbeddedRouterExample {

    private EmbeddedRouterExample() {
    }

    public static void main(String[] args) {
        System.out.println(run());
    }

    static String run() {
        // README:start
        // Your own adapters: anything that implements TranscriptionPort.
        TranscriptionPort vendor = request -> {
            throw new TranscriptionException(new RateLimited("slow down", Optional.of(Duration.ofSeconds(7))));
        };
        TranscriptionPort inHouse = request -> Transcription.ofText("hello from the in-house engine");
        Map<String, TranscriptionPort> ports = Map.of("vendor-eu", vendor, "in-house", inHouse);

        Router router = Router.builder()
                .connector(new DeploymentConnector() {
                    @Override
                    public TranscriptionPort connect(Deployment deployment) {
                        return ports.get(deployment.id());
                    }

                    @Override
                    public Optional<Deployment> direct(String model) {
                        return Optional.empty(); // only the configured groups
                    }
                })
                .deployment(Deployment.builder("vendor-eu", "speech", "vendor", "stt-large").order(1).rpm(600).build())
                .deployment(Deployment.builder("in-house", "speech", "local", "whisper-small").order(2).build())
                .settings(RouterSettings.builder()
                        .routingStrategy(BuiltInStrategy.LEAST_BUSY)
                        .numRetries(2)
                        .totalTimeout(Duration.ofSeconds(30))
                        .build())
                .build();

        // vendor-eu (tier 1) answers 429 and rests for 7 s; the retry goes at once to in-house (tier 2).
        Routed<Transcription> routed = router.route(
                TranscriptionRequest.builder("speech", AudioInput.of("hello.wav", new byte[] {1, 2, 3})).build(),
                CallOptions.defaults());
        RoutingReport report = routed.report();
        String summary = routed.value().text() + " (deployment " + report.deploymentId().orElseThrow()
                + ", retries " + report.retries() + ", overhead " + report.overhead().toMillis() + " ms)";
        // README:end
        return summary;
    }
}
