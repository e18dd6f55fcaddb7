package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.providers.http.MalformedBodyException;
import java.util.Optional;
import okhttp3.MediaType;

/**
 * Reads a vendor's 2xx body into a {@link Transcription}. The default reads OpenAI's answers; a vendor with its own
 * JSON (Mistral) supplies its own. An HTML page never reaches a reader. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface ResponseReader {

    /**
     * @param requested   the format the caller asked for
     * @param body        the whole body
     * @param contentType the body's content type, if the vendor sent one
     * @throws MalformedBodyException when the body is not the vendor's answer
     */
    Transcription read(ResponseFormat requested, String body, Optional<MediaType> contentType)
            throws MalformedBodyException;
}
