package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Fixture fixture = new Fixture();

    @Test
    void anUnknownModelFailsWithAMessageNamingItAndTheGroups() {
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("x")))
                .deployment(fixture.deployment("b", "nova", port().answers("x")))
                .build();

        assertThatThrownBy(() -> router.transcribe(request("gpt-9")))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> assertThat(e.failure()).isEqualTo(
                        new ModelNotFound("Invalid model name passed in model=gpt-9. Available model groups: whisper, nova")));
    }

    @Test
    void aProviderModelNameIsRoutedThroughTheConnector() {
        ScriptedPort direct = port().answers("direct").repeats();
        fixture.connector.direct("groq/whisper-large-v3",
                Deployment.builder("groq-direct", "groq/whisper-large-v3", "groq", "whisper-large-v3").build(), direct);
        Router router = fixture.router().build();

        assertThat(router.transcribe(request("groq/whisper-large-v3")).text()).isEqualTo("direct");
        assertThat(router.transcribe(request("groq/whisper-large-v3")).text()).isEqualTo("direct");
        assertThat(fixture.connector.connected()).containsExactly("groq-direct");
        assertThat(router.modelGroups()).isEmpty();
    }

    @Test
    void directModelsCanBeTurnedOff() {
        fixture.connector.direct("groq/whisper-large-v3",
                Deployment.builder("groq-direct", "groq/whisper-large-v3", "groq", "whisper-large-v3").build(),
                port().answers("direct"));
        Router router = fixture.router().allowDirectModels(false).build();

        assertThatThrownBy(() -> router.transcribe(request("groq/whisper-large-v3")))
                .isInstanceOfSatisfying(TranscriptionException.class,
                        e -> assertThat(e.failure()).isInstanceOf(ModelNotFound.class))
                .hasMessageContaining("model=groq/whisper-large-v3");
    }

    @Test
    void modelGroupsKeepTheOrderInWhichTheyFirstAppear() {
        Deployment whisperA = fixture.deployment("a", "whisper", port().answers("x"));
        Deployment nova = fixture.deployment("n", "nova", port().answers("x"));
        Deployment whisperB = fixture.deployment("b", "whisper", port().answers("x"));
        Router router = fixture.router().deployments(List.of(whisperA, nova, whisperB)).build();

        assertThat(router.modelGroups()).containsExactly(
                new ModelGroup("whisper", List.of(whisperA, whisperB)), new ModelGroup("nova", List.of(nova)));
        assertThat(router.modelGroups()).extracting(ModelGroup::name).doesNotContain("groq/whisper-large-v3");
    }

    @Test
    void buildingConnectsEveryDeploymentOnce() {
        fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("x")))
                .deployment(fixture.deployment("b", "whisper", port().answers("x")))
                .build();

        assertThat(fixture.connector.connected()).containsExactly("a", "b");
    }

    @Test
    void theBuilderRejectsFallbacksToUnknownGroups() {
        Router.Builder builder = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("x")))
                .settings(RouterSettings.builder()
                        .fallback("whisper", List.of("whisper-backup"))
                        .fallback("wisper", List.of("whisper"))
                        .fallback(RouterSettings.ANY_GROUP, List.of("whisper")).build());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'whisper-backup' (a fallback of 'whisper')")
                .hasMessageContaining("'wisper' (a fallbacks key)")
                .hasMessageNotContaining("'*'");
        assertThat(fixture.connector.connected()).isEmpty();
    }

    @Test
    void theBuilderRejectsDeploymentsSharingAnId() {
        Router.Builder builder = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answers("x")))
                .deployment(fixture.deployment("a", "nova", port().answers("x")));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }

    @Test
    void theBuilderRequiresAConnector() {
        assertThatThrownBy(() -> Router.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void connectorErrorsPropagateFromBuild() {
        Deployment unknown = Deployment.builder("z", "whisper", "nowhere", "whisper-1").build();

        assertThatThrownBy(() -> fixture.router().deployment(unknown).build())
                .isInstanceOf(TranscriptionException.class);
    }
}
