package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.Deployment;
import okhttp3.HttpUrl;

/** Builds the transcription URL of a deployment from its base URL. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface EndpointLayout {

    HttpUrl transcriptionsUrl(HttpUrl apiBase, Deployment deployment, EnvironmentSource environment);

    /** OpenAI's: {@code {base}/audio/transcriptions}. */
    static EndpointLayout openAi() {
        return (base, deployment, environment) -> base.newBuilder().addPathSegments("audio/transcriptions").build();
    }
}
