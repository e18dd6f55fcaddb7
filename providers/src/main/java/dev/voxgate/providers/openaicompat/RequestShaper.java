package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.TranscriptionRequest;

/**
 * A vendor's own adjustments to a request before it is encoded, applied after the fields it does not take were
 * refused or dropped: e.g. Mistral's language names turned into ISO-639-1 codes. Implementations are stateless and
 * thread-safe.
 */
@FunctionalInterface
public interface RequestShaper {

    /**
     * The request as the vendor should get it.
     *
     * @throws TranscriptionException with {@code InvalidRequest} when the vendor cannot take the request as asked
     */
    TranscriptionRequest shape(TranscriptionRequest request, Deployment deployment);

    /** The request as it is: OpenAI's own rules. */
    static RequestShaper unchanged() {
        return (request, deployment) -> request;
    }
}
