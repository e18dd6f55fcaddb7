package dev.voxgate.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import dev.voxgate.providers.ProviderTestBase;
import dev.voxgate.providers.spi.ProviderFactory;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Azure's translations route sits beside its transcriptions route, with the same api-version and key header. */
class AzureTranslationTest extends ProviderTestBase {

    @Override
    protected ProviderFactory factory() {
        return new AzureProviderFactory();
    }

    @Override
    protected Deployment.Builder deploymentAt(HttpUrl root) {
        return Deployment.builder(DEPLOYMENT_ID, "whisper", "azure", "azure-whisper")
                .apiBase(root.toString()).apiVersion("2024-02-15-preview").apiKey(Secret.of(KEY));
    }

    @Override
    protected String errorBody(String message, String param) {
        return "{\"error\":{\"code\":\"BadRequest\",\"message\":\"" + message + "\"}}";
    }

    @Test
    void translationGoesToTheDeploymentsTranslationsRoute() throws Exception {
        server.enqueue(json(200, "{\"text\":\"in English\"}"));

        assertThat(connect(deployment().build()).translate(request().build()).text()).isEqualTo("in English");

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getTarget())
                .isEqualTo("/openai/deployments/azure-whisper/audio/translations?api-version=2024-02-15-preview");
        assertThat(recorded.getHeaders().get("api-key")).isEqualTo(KEY);
    }
}
