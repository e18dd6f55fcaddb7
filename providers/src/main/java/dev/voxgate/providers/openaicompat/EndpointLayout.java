package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.http.Endpoint;
import okhttp3.HttpUrl;

/** Builds the transcription URL of a deployment from its endpoint. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface EndpointLayout {

    HttpUrl transcriptionsUrl(Endpoint.Ready endpoint, Deployment deployment);

    /** OpenAI's: {@code {base}/audio/transcriptions}. */
    static EndpointLayout openAi() {
        return (endpoint, deployment) -> endpoint.base().newBuilder().addPathSegments("audio/transcriptions").build();
    }
}
