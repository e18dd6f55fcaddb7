package dev.voxgate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.model.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalParamsTest {

    @Test
    void defaultsAreOneSlotPerCoreTwiceAsManyWaitingPlacesAndTenMinutes() {
        LocalParams params = LocalParams.of(LocalDeployments.deployment("vosk-en").build(), 6);

        assertThat(params.maxConcurrentDecodes()).isEqualTo(6);
        assertThat(params.maxQueuedDecodes()).isEqualTo(12);
        assertThat(params.modelPath()).isEmpty();
        assertThat(params.ffmpeg()).isEqualTo("ffmpeg");
        assertThat(params.language()).isEmpty();
        assertThat(params.timeLimit()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void litellmParamsAndTheTimeoutOverrideTheDefaults() {
        Deployment deployment = LocalDeployments.deployment("big").timeout(Duration.ofSeconds(30))
                .param("model_path", "/models/vosk-en-us-0.22").param("max_concurrent_decodes", "3")
                .param("max_queued_decodes", "0").param("ffmpeg_path", "/opt/ffmpeg/bin/ffmpeg")
                .param("language", "EN-us").build();

        LocalParams params = LocalParams.of(deployment, 6);

        assertThat(params).isEqualTo(new LocalParams(java.util.Optional.of(Path.of("/models/vosk-en-us-0.22")), 3, 0,
                "/opt/ffmpeg/bin/ffmpeg", java.util.Optional.of("en"), Duration.ofSeconds(30)));
    }

    @Test
    void aLimitThatIsNotAPositiveWholeNumberIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> LocalParams.of(LocalDeployments.deployment("vosk-en")
                .param("max_concurrent_decodes", "0").build(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment 'local-test' (local/vosk-en): litellm_params.max_concurrent_decodes must be a "
                        + "whole number of 1 or more, got '0'");
        assertThatThrownBy(() -> LocalParams.of(LocalDeployments.deployment("vosk-en")
                .param("max_queued_decodes", "many").build(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_queued_decodes must be a whole number of 0 or more, got 'many'");
    }
}
