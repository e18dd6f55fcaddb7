package dev.voxgate.proxy;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.DeploymentConnector;
import dev.voxgate.router.Router;
import dev.voxgate.router.RouterSettings;
import java.util.Optional;

/** Routers for proxy tests: one model group, {@code whisper}, of one deployment answered by a given port. */
final class TestRouters {

    private TestRouters() {
    }

    /** Group {@code whisper} on {@code port}, without retries. */
    static Router whisperOn(TranscriptionPort port) {
        DeploymentConnector connector = new DeploymentConnector() {
            @Override
            public TranscriptionPort connect(Deployment deployment) {
                return port;
            }

            @Override
            public Optional<Deployment> direct(String model) {
                return Optional.empty();
            }
        };
        return Router.builder().connector(connector)
                .deployment(Deployment.builder("d1", "whisper", "openai", "whisper-1").build())
                .settings(RouterSettings.builder().numRetries(0).build()).build();
    }
}
