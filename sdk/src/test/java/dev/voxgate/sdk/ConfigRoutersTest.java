package dev.voxgate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import dev.voxgate.config.GeneralSettings;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.router.Router;
import dev.voxgate.router.RouterSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Routers built from a loaded config, by the SDK and by the Guice wiring the proxy uses: one builder, whose default
 * is the configured model groups only, and an explicit opt-in to {@code provider/model} names.
 */
class ConfigRoutersTest {

    private static final String KEY = "sk-configured-0123456789";
    private static final AudioInput AUDIO = AudioInput.of("a.wav", new byte[] {1, 2, 3});

    private final FakeOpenAi openAi = new FakeOpenAi(KEY, "hello");
    private final VoxgateConfig config = config(Map.of());

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void aRouterFromConfigServesTheConfiguredGroupsOnlyByDefault() {
        Router router = Voxgate.routerBuilder(config, openAi.environment(KEY), ProviderCatalog.builtIn()).build();

        assertThat(transcribe(router, "whisper").text()).isEqualTo("hello");
        assertModelNotFound(router, "openai/whisper-1");
        assertThat(openAi.seen()).hasSize(1);
    }

    @Test
    void directModelsAreAnExplicitOptIn() {
        Router router = Voxgate.routerBuilder(config, openAi.environment(KEY), ProviderCatalog.builtIn())
                .allowDirectModels(true).build();

        assertThat(transcribe(router, "openai/whisper-1").text()).isEqualTo("hello");
        assertModelNotFound(router, "whisper-1");
    }

    @Test
    void theSdksRouterForAConfigOptsInToDirectModels() {
        Router router = Voxgate.router(config, openAi.environment(KEY));

        assertThat(transcribe(router, "whisper").text()).isEqualTo("hello");
        assertThat(transcribe(router, "openai/gpt-4o-transcribe").text()).isEqualTo("hello");
        assertThat(router.settings().numRetries()).isZero();
    }

    @Test
    void theGuiceWiringsRouterHasTheSameDefault() {
        Router router = Guice.createInjector(new VoxgateModule(config, openAi.environment(KEY)))
                .getInstance(Router.class);

        assertThat(transcribe(router, "whisper").text()).isEqualTo("hello");
        assertModelNotFound(router, "openai/whisper-1");
        assertThat(router.settings().numRetries()).isZero();
    }

    @Test
    void theConfigsEnvironmentVariablesComeBeforeTheEnvironment() {
        Router router = Voxgate.router(config(Map.of("OPENAI_API_KEY", KEY)), openAi.environment("sk-stale"));

        assertThat(transcribe(router, "openai/whisper-1").text()).isEqualTo("hello");
        assertThat(openAi.seen()).extracting(FakeOpenAi.Seen::authorization).containsExactly("Bearer " + KEY);
    }

    private VoxgateConfig config(Map<String, String> environmentVariables) {
        return new VoxgateConfig("test", List.of(Voxgate.deployment("whisper", "whisper-1").apiKey(Secret.of(KEY))
                .apiBase(openAi.baseUrl()).build()), RouterSettings.builder().numRetries(0).build(),
                GeneralSettings.none(), environmentVariables, List.of());
    }

    private static Transcription transcribe(Router router, String model) {
        return router.transcribe(TranscriptionRequest.builder(model, AUDIO).build());
    }

    private static void assertModelNotFound(Router router, String model) {
        assertThatThrownBy(() -> transcribe(router, model)).isInstanceOfSatisfying(TranscriptionException.class,
                e -> assertThat(e.failure()).isInstanceOf(TranscriptionFailure.ModelNotFound.class));
    }
}
