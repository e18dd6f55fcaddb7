package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static dev.voxgate.config.TestConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import dev.voxgate.router.RouterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three configs of LiteLLM's audio transcription guide, verbatim. */
class LiteLlmAudioGuideConfigTest {

    @Test
    void singleWhisperConfigGivesOneOpenAiDeploymentWithItsKeyFromTheEnvironment() {
        Path file = resource("litellm/audio-guide-single.yaml");

        VoxgateConfig config = loader().load(file);

        assertThat(config.source()).isEqualTo(file.toString());
        assertThat(config.deployments()).singleElement().satisfies(deployment -> {
            assertThat(deployment.modelName()).isEqualTo("whisper");
            assertThat(deployment.provider()).isEqualTo("openai");
            assertThat(deployment.providerModel()).isEqualTo("whisper-1");
            assertThat(deployment.apiKey()).contains(Secret.of("sk-openai-secret-0001"));
            assertThat(deployment.id()).matches("[0-9a-f]{16}");
        });
        assertThat(config.generalSettings().masterKey()).contains(Secret.of("sk-1234"));
        assertThat(config.routerSettings()).isEqualTo(RouterSettings.defaults());
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void loadBalancedConfigPutsOpenAiAndAzureIntoOneGroup() {
        VoxgateConfig config = loader().load(resource("litellm/audio-guide-load-balanced.yaml"));

        assertThat(config.modelGroups()).singleElement().satisfies(group -> {
            assertThat(group.name()).isEqualTo("whisper");
            assertThat(group.deployments()).extracting(Deployment::qualifiedModel)
                    .containsExactly("openai/whisper-1", "azure/azure-whisper");
        });
        Deployment azure = config.deployments().get(1);
        assertThat(azure.apiVersion()).contains("2024-02-15-preview");
        assertThat(azure.apiBase()).contains("https://voxgate-eu.openai.azure.com");
        assertThat(azure.apiKey()).contains(Secret.of("azure-eu-secret-0003"));
        assertThat(config.deployments()).extracting(Deployment::id).doesNotHaveDuplicates();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void fallbackConfigSetsTheFallbackGroupAndRetries() {
        VoxgateConfig config = loader().load(resource("litellm/audio-guide-fallbacks.yaml"));

        assertThat(config.deployments()).extracting(Deployment::modelName)
                .containsExactly("whisper-primary", "whisper-backup");
        assertThat(config.deployments().get(1).apiVersion()).contains("2024-02-15-preview");
        assertThat(config.routerSettings().fallbacks())
                .isEqualTo(Map.of("whisper-primary", List.of("whisper-backup")));
        assertThat(config.routerSettings().numRetries()).isEqualTo(2);
        assertThat(config.routerSettings().attemptTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.generalSettings().masterKey()).contains(Secret.of("sk-master-secret-0005"));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void derivedIdsAreTheSameOnEveryLoadEvenWhenKeysRotate() {
        Path file = resource("litellm/audio-guide-load-balanced.yaml");
        Map<String, String> rotated = TestConfigs.with(TestConfigs.ENVIRONMENT, Map.of("OPENAI_API_KEY", "sk-new"));

        List<String> first = loader().load(file).deployments().stream().map(Deployment::id).toList();
        List<String> again = loader(rotated).load(file).deployments().stream().map(Deployment::id).toList();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void parseNamesTheSourceItIsGiven() {
        VoxgateConfig config = loader().parse("model_list: [{model_name: w, litellm_params: {model: whisper-1}}]",
                "inline.yaml");

        assertThat(config.source()).isEqualTo("inline.yaml");
        assertThat(config.generalSettings().masterKey()).map(Secret::reveal)
                .isEqualTo(Optional.of("sk-master-secret-0005"));
    }
}
