package dev.voxgate.local;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.providers.spi.ProviderContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * Local deployments for tests, over the bundled model unpacked once into {@code target/voxgate-cache}; the model
 * itself is loaded once per test JVM and shared, as in production.
 */
final class LocalDeployments {

    static final Path CACHE = Path.of("target", "voxgate-cache").toAbsolutePath();
    static final ProviderContext CONTEXT = new ProviderContext(ProviderCatalog.newHttpClient(),
            EnvironmentSource.of(Map.of("VOXGATE_CACHE_DIR", CACHE.toString())));

    private LocalDeployments() {
    }

    static Deployment.Builder deployment(String model) {
        return Deployment.builder("local-test", "local", LocalProviderFactory.ID, model);
    }

    static TranscriptionPort port(Deployment deployment) {
        return new LocalProviderFactory().create(deployment, CONTEXT);
    }

    static TranscriptionPort bundled() {
        return port(deployment(LocalProviderFactory.BUNDLED_MODEL).build());
    }

    static Transcription transcribe(TranscriptionPort port, Path clip) {
        return port.transcribe(TranscriptionRequest.builder("local", AudioInput.of(clip)).build());
    }

    /** A clip of the tests, or of the repository's examples. */
    static Path clip(String name) {
        Path own = Path.of("src", "test", "resources", "clips", name);
        return own.toFile().exists() ? own : Path.of("..", "examples", "audio", name);
    }
}
