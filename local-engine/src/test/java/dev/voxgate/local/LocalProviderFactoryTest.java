package dev.voxgate.local;

import static dev.voxgate.local.LocalDeployments.clip;
import static dev.voxgate.local.LocalDeployments.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.local.internal.vosk.BundledModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which models a local deployment can name, and how a missing or damaged one is reported before any request. */
class LocalProviderFactoryTest {

    @Test
    void theProviderIdIsLocal() {
        assertThat(new LocalProviderFactory().id()).isEqualTo("local");
    }

    @Test
    void aModelPathServesAnyVoskModelFolderUnderTheNameGiven() {
        Path folder = BundledModel.unpackedUnder(LocalDeployments.CACHE);
        TranscriptionPort port = LocalDeployments.port(deployment("my-english")
                .param("model_path", folder.toString()).param("language", "en").build());

        assertThat(LocalDeployments.transcribe(port, clip("quick-brown-fox.wav")).text())
                .isEqualTo(LocalEngineTest.FOX);
    }

    @Test
    void aMissingModelFolderIsReportedNamingItAndTheDeployment(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-model");

        assertThatThrownBy(() -> LocalDeployments.port(deployment("big").param("model_path", missing.toString())
                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deployment 'local-test' (local/big)")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aFolderWithoutAModelIsReportedNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> LocalDeployments.port(deployment("big").param("model_path", dir.toString()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("holds no Vosk model (no am/final.mdl)");
    }

    @Test
    void aDamagedModelIsReportedNamingItInsteadOfCrashing(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("am"));
        Files.write(dir.resolve("am/final.mdl"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        assertThatThrownBy(() -> LocalDeployments.port(deployment("big").param("model_path", dir.toString()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Vosk could not load the model in " + dir)
                .hasMessageContaining("incomplete or damaged");
    }

    @Test
    void inTheBackgroundADamagedModelIsReportedWhenItsLoadIsAwaited(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("am"));
        Files.write(dir.resolve("am/final.mdl"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        LocalProviderFactory factory = LocalProviderFactory.loadingInBackground();

        factory.create(deployment("big").param("model_path", dir.toString()).build(), LocalDeployments.CONTEXT);

        assertThatThrownBy(factory::awaitModels)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deployment 'local-test' (local/big)")
                .hasMessageContaining("Vosk could not load the model in " + dir);
    }

    @Test
    void inTheBackgroundAMissingFolderIsStillReportedAtCreation(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-model");

        assertThatThrownBy(() -> LocalProviderFactory.loadingInBackground().create(deployment("big")
                .param("model_path", missing.toString()).build(), LocalDeployments.CONTEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void inTheBackgroundTheModelServesOnceAwaited() {
        Path folder = BundledModel.unpackedUnder(LocalDeployments.CACHE);
        LocalProviderFactory factory = LocalProviderFactory.loadingInBackground();
        TranscriptionPort port = factory.create(deployment("my-english").param("model_path", folder.toString())
                .param("language", "en").build(), LocalDeployments.CONTEXT);

        factory.awaitModels();

        assertThat(LocalDeployments.transcribe(port, clip("quick-brown-fox.wav")).text())
                .isEqualTo(LocalEngineTest.FOX);
    }

    @Test
    void aModelNameThatIsNotBundledNeedsAModelPath() {
        assertThatThrownBy(() -> LocalDeployments.port(deployment("vosk-de").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'vosk-de' is not a bundled model (the bundled one is local/vosk-en)")
                .hasMessageContaining("litellm_params.model_path");
    }
}
