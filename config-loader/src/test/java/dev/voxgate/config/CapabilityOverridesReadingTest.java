package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.model.CapabilityOverrides;
import dev.voxgate.core.model.ResponseFormat;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code model_info} corrections to what a deployment's provider is known to serve. */
class CapabilityOverridesReadingTest {

    @Test
    void everyCapabilityKeyOfModelInfoBecomesATypedOverride() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: self-hosted
                    litellm_params:
                      model: openai/whisper-large-v3
                      api_base: http://whisper.internal/v1
                    model_info:
                      mode: audio_transcription
                      supported_response_formats: [json, text, srt]
                      supported_params: [language, prompt, "keywords[]"]
                      supports_streaming: false
                      supports_translation: no
                      supports_word_timestamps: true
                      supports_segment_timestamps: true
                      supports_diarization: false
                      max_audio_seconds: 1800
                """, "c.yaml");

        assertThat(config.warnings()).isEmpty();
        CapabilityOverrides overrides = config.deployments().getFirst().capabilityOverrides();
        assertThat(overrides.responseFormats()).contains(Set.of(ResponseFormat.JSON, ResponseFormat.TEXT,
                ResponseFormat.SRT));
        assertThat(overrides.params()).contains(Set.of("language", "prompt", "keywords[]"));
        assertThat(overrides.streaming()).contains(false);
        assertThat(overrides.translation()).contains(false);
        assertThat(overrides.wordTimestamps()).contains(true);
        assertThat(overrides.segmentTimestamps()).contains(true);
        assertThat(overrides.diarization()).contains(false);
        assertThat(overrides.maxAudio()).contains(Duration.ofMinutes(30));
    }

    @Test
    void aDeploymentWithoutThemKeepsWhatItsProviderDeclares() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                """, "c.yaml");

        assertThat(config.deployments().getFirst().capabilityOverrides().isEmpty()).isTrue();
    }

    @Test
    void anUnknownResponseFormatIsRefusedAtItsLineNamingTheFormatsThatExist() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                    model_info:
                      supported_response_formats: [json, subrip]
                """, "c.yaml"));

        assertThat(error.line()).isEqualTo(6);
        assertThat(error.getMessage()).contains("c.yaml:6").contains("model_info.supported_response_formats")
                .contains("unknown response format 'subrip'").contains("json, text, srt, vtt, verbose_json");
    }

    @Test
    void aSingleFormatWhereAListBelongsIsRefused() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                    model_info:
                      supports_streaming: sometimes
                """, "c.yaml"));

        assertThat(error.line()).isEqualTo(6);
        assertThat(error.getMessage()).contains("supports_streaming");
    }
}
