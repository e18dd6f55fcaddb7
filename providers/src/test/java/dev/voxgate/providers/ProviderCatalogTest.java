package dev.voxgate.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.providers.http.UpstreamSocketFactory;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ProviderCatalogTest {

    private static final ProviderContext CONTEXT =
            new ProviderContext(ProviderCatalog.newHttpClient(), EnvironmentSource.of(Map.of()));

    @Test
    void builtInCatalogKnowsEveryShippedProvider() {
        ProviderCatalog catalog = ProviderCatalog.builtIn();

        assertThat(catalog.providerIds()).containsExactly("assemblyai", "azure", "deepgram", "elevenlabs",
                "fireworks_ai", "gemini", "groq", "hosted_vllm", "mistral", "openai", "soniox");
        assertThat(catalog.supports("openai")).isTrue();
        assertThat(catalog.supports("vertex_ai")).isFalse();
    }

    @Test
    void twoFactoriesWithOneIdAreRejected() {
        assertThatThrownBy(() -> new ProviderCatalog(List.of(new Fixed("echo"), new Fixed("echo"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'echo'");
    }

    @Test
    void withAddsProvidersFromOutsideAndStillRefusesADuplicateId() {
        ProviderCatalog extended = ProviderCatalog.builtIn().with(new Fixed("local"));

        assertThat(extended.providerIds()).contains("local")
                .containsAll(ProviderCatalog.builtIn().providerIds())
                .hasSize(ProviderCatalog.builtIn().providerIds().size() + 1);
        assertThat(ProviderCatalog.builtIn().providerIds()).doesNotContain("local");
        assertThatThrownBy(() -> extended.with(new Fixed("openai")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'openai'");
    }

    @Test
    void deploymentOfAnUnknownProviderIsModelNotFoundListingTheKnownOnes() {
        Deployment deployment = Deployment.builder("d9", "whisper", "x", "whisper-1").build();

        assertThatThrownBy(() -> ProviderCatalog.builtIn().connect(deployment, CONTEXT))
                .isInstanceOfSatisfying(TranscriptionException.class, thrown -> assertThat(thrown.failure())
                        .isEqualTo(new ModelNotFound(
                                "unknown provider 'x' for deployment 'd9'; known providers: assemblyai, azure, "
                                        + "deepgram, elevenlabs, fireworks_ai, gemini, groq, hosted_vllm, mistral, openai, "
                                        + "soniox")));
    }

    @Test
    void connectHandsTheDeploymentToItsProvidersFactory() {
        ProviderCatalog catalog = new ProviderCatalog(List.of(new Fixed("echo"), new Fixed("other")));
        Deployment deployment = Deployment.builder("d1", "whisper", "echo", "model-a").build();

        TranscriptionPort port = catalog.connect(deployment, CONTEXT);

        assertThat(port.transcribe(null).text()).isEqualTo("echo:d1");
    }

    @Test
    void sharedClientLeavesRetriesToTheRouterAndNeverFollowsRedirects() {
        OkHttpClient client = ProviderCatalog.httpSettings().build();

        assertThat(client.retryOnConnectionFailure()).isFalse();
        assertThat(client.followRedirects()).isFalse();
        assertThat(client.followSslRedirects()).isFalse();
        assertThat(client.dispatcher().getMaxRequests()).isGreaterThanOrEqualTo(1000);
        assertThat(client.dispatcher().getMaxRequestsPerHost()).isGreaterThanOrEqualTo(1000);
        assertThat(client.connectTimeoutMillis()).isEqualTo(10_000);
        assertThat(client.readTimeoutMillis()).as("the call timeout bounds reads").isZero();
        assertThat(client.writeTimeoutMillis()).as("the call timeout bounds writes").isZero();
        assertThat(Duration.ofMillis(client.callTimeoutMillis())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(client.socketFactory()).isInstanceOf(UpstreamSocketFactory.class);
    }

    /** A factory whose adapters answer with their provider and deployment. */
    private record Fixed(String id) implements ProviderFactory {
        @Override
        public TranscriptionPort create(Deployment deployment, ProviderContext context) {
            return request -> Transcription.ofText(id + ":" + deployment.id());
        }
    }
}
