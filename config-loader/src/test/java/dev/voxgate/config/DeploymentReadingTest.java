package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.Deployment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code model_list} entries into {@link Deployment}s. */
class DeploymentReadingTest {

    @Test
    void everyParameterVoxgateActsOnBecomesATypedField() {
        Deployment deployment = only("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: azure/eu-whisper
                      api_base: https://eu.example
                      api_version: 2024-06-01
                      timeout: 1.5
                      weight: 0.25
                      rpm: 60
                      tpm: 3600
                      order: 2
                      max_parallel_requests: 4
                      cooldown_time: 0
                """);

        assertThat(deployment.apiBase()).contains("https://eu.example");
        assertThat(deployment.apiVersion()).contains("2024-06-01");
        assertThat(deployment.timeout()).contains(Duration.ofMillis(1500));
        assertThat(deployment.weight()).contains(0.25);
        assertThat(deployment.rpm()).contains(60);
        assertThat(deployment.tpm()).contains(3600);
        assertThat(deployment.order()).contains(2);
        assertThat(deployment.maxParallelRequests()).contains(4);
        assertThat(deployment.cooldownTime()).contains(Duration.ZERO);
        assertThat(deployment.apiKey()).isEmpty();
    }

    @Test
    void vendorParametersPassThroughAsPlainText() {
        Deployment deployment = only("""
                model_list:
                  - model_name: nova
                    litellm_params:
                      model: deepgram/nova-2
                      punctuate: yes
                      diarize: False
                      utt_split: 0.8
                      boost: 1e3
                      language: en
                      detect_entities: "true"
                      channels: 0x2
                """);

        assertThat(deployment.params()).isEqualTo(texts(Map.of("punctuate", "true", "diarize", "false",
                "utt_split", "0.8", "boost", "1000.0", "language", "en", "detect_entities", "true", "channels", "2")));
    }

    @Test
    void dropParamsOfADeploymentOverridesTheLiteLlmSettingsDefault() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: strict
                    litellm_params:
                      model: whisper-1
                      drop_params: false
                  - model_name: lenient
                    litellm_params:
                      model: whisper-1
                litellm_settings:
                  drop_params: true
                """, "c.yaml");

        assertThat(config.deployments()).extracting(Deployment::dropParams).containsExactly(false, true);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void maxFileSizeInMegabytesBecomesTheDeploymentsUploadLimit() {
        assertThat(only("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                      max_file_size_mb: 1.5
                """).maxUploadBytes()).contains(1_572_864L);
    }

    @Test
    void deploymentsRefuseUnsupportedParametersUnlessTheySayOtherwise() {
        assertThat(only("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                """).dropParams()).isFalse();
        assertThat(only("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                      drop_params: True
                """).dropParams()).isTrue();
    }

    @Test
    void customLlmProviderNamesTheProviderAndModelIsTakenAsItStands() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: a
                    litellm_params: {model: whisper-large-v3, custom_llm_provider: groq}
                  - model_name: b
                    litellm_params: {model: groq/distil-whisper, custom_llm_provider: groq}
                  - model_name: c
                    litellm_params: {model: accounts/fw/models/whisper, custom_llm_provider: openai}
                """, "c.yaml");

        assertThat(config.deployments()).extracting(Deployment::qualifiedModel).containsExactly(
                "groq/whisper-large-v3", "groq/distil-whisper", "openai/accounts/fw/models/whisper");
    }

    @Test
    void unknownCustomLlmProviderIsRejected() {
        ConfigException error = failure("""
                model_list:
                  - model_name: a
                    litellm_params:
                      model: whisper
                      custom_llm_provider: speechmatics
                """);

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.keyPath()).isEqualTo("model_list[0].litellm_params.custom_llm_provider");
        assertThat(error.problem()).startsWith("unknown provider 'speechmatics' in custom_llm_provider");
    }

    @Test
    void explicitIdIsKeptAndDerivedIdsDependOnGroupAndParameters() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: a
                    litellm_params: {model: whisper-1}
                    model_info: {id: 42}
                  - model_name: a
                    litellm_params: {model: whisper-1, rpm: 10}
                  - model_name: b
                    litellm_params: {model: whisper-1, rpm: 10}
                """, "c.yaml");

        assertThat(config.deployments().get(0).id()).isEqualTo("42");
        assertThat(config.deployments().get(1).id()).matches("[0-9a-f]{16}")
                .isNotEqualTo(config.deployments().get(2).id());
    }

    @Test
    void identicalEntriesAreBothKeptWithDistinctIdsAndAWarning() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: a
                    litellm_params: {model: whisper-1}
                  - model_name: a
                    litellm_params: {model: whisper-1}
                """, "c.yaml");

        String first = config.deployments().get(0).id();
        assertThat(config.deployments().get(1).id()).isEqualTo(first + "-2");
        assertThat(config.warnings()).singleElement().hasToString("c.yaml:4: model_list[1]: same model_name and "
                + "litellm_params as model_list[0] (line 2); kept as another deployment with id " + first + "-2");
    }

    @Test
    void nonAudioModeOfASupportedProviderIsKeptWithAWarning() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: gpt
                    litellm_params: {model: gpt-4o}
                    model_info: {mode: chat, base_model: gpt-4o, input_cost_per_token: 0.1}
                """, "c.yaml");

        assertThat(config.deployments()).hasSize(1);
        assertThat(config.warnings()).extracting(ConfigWarning::keyPath).containsExactlyInAnyOrder(
                "model_list[0].model_info.mode", "model_list[0].model_info.base_model",
                "model_list[0].model_info.input_cost_per_token");
    }

    @Test
    void emptyValuesReadAsAbsent() {
        Deployment deployment = only("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                      api_base:
                      api_key: ""
                      timeout: ~
                """);

        assertThat(deployment.apiBase()).isEmpty();
        assertThat(deployment.apiKey()).isEmpty();
        assertThat(deployment.timeout()).isEmpty();
    }

    @Test
    void zeroTimeoutIsRejectedButZeroCooldownIsNot() {
        ConfigException error = failure("""
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1, cooldown_time: 0, timeout: 0}
                """);

        assertThat(error.keyPath()).isEqualTo("model_list[0].litellm_params.timeout");
        assertThat(error.problem()).isEqualTo("must be more than 0 seconds, not 0");
    }

    @Test
    void fractionalRpmAndBooleanWeightAreRejected() {
        assertThat(failure("model_list: [{model_name: w, litellm_params: {model: whisper-1, rpm: 1.5}}]").problem())
                .isEqualTo("must be a whole number, not 1.5");
        assertThat(failure("model_list: [{model_name: w, litellm_params: {model: whisper-1, weight: true}}]")
                .problem()).isEqualTo("must be a number (0 or more), not true/false");
    }

    private static Deployment only(String yaml) {
        VoxgateConfig config = loader().parse(yaml, "c.yaml");
        assertThat(config.warnings()).isEmpty();
        assertThat(config.deployments()).hasSize(1);
        return config.deployments().get(0);
    }

    private static ConfigException failure(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> loader().parse(yaml, "c.yaml"));
    }

    private static Map<String, ParamValue> texts(Map<String, String> texts) {
        Map<String, ParamValue> params = new java.util.HashMap<>();
        texts.forEach((name, text) -> params.put(name, ParamValue.text(text)));
        return params;
    }
}
