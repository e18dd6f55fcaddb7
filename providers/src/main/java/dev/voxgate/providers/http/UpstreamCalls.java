package dev.voxgate.providers.http;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import java.io.IOException;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okio.BufferedSource;

/**
 * The HTTP calls of one deployment, as its adapter makes them: one call for a vendor that answers a transcription
 * POST at once, several (upload, create, poll, fetch, delete) for a job-style vendor. Every call goes out with the
 * deployment's key and headers and within its timeout; its response is always closed; an error status or an I/O
 * error becomes a {@link TranscriptionException} with the failure it means, its message redacted of the key; a 2xx
 * body goes to the reader the call gives.
 *
 * <p>Implementations are thread-safe.
 */
public interface UpstreamCalls {

    /** Where the deployment's vendor is: its base URL and, for a vendor that takes one, the API version. */
    Endpoint.Ready endpoint();

    /** Who answers these calls, e.g. {@code soniox (deployment 'd1')}, for messages and logs; never the key. */
    String describe();

    /**
     * The failure a vendor job means that ended in error: {@code UpstreamUnavailable} when the vendor failed,
     * {@code InvalidRequest} on {@code file} when the audio did; with the vendor's message, redacted of the key.
     */
    TranscriptionFailure jobFailed(String jobId, JobStatus.Failed failed);

    /**
     * Sends {@code request} and reads its whole 2xx body with {@code reader}.
     *
     * @throws TranscriptionException with the failure an error status, an I/O error or an unreadable body means
     */
    <T> T send(Request.Builder request, SuccessReader<T> reader);

    /**
     * Sends {@code request} and hands its 2xx body to {@code reader} as it arrives, for streamed answers.
     *
     * @throws TranscriptionException as {@link #send} does
     */
    <T> T stream(Request.Builder request, StreamReader<T> reader);

    /**
     * Sends {@code request} and gives the 2xx answer's header {@code name}, for a vendor that answers in a header
     * (the upload URL of Google's resumable uploads); the body is not read.
     *
     * @throws TranscriptionException as {@link #send} does
     */
    Optional<String> header(Request.Builder request, String name);

    /** Reads a whole 2xx body into a result. */
    @FunctionalInterface
    interface SuccessReader<T> {
        /**
         * @param body        the whole body, decoded with its charset (UTF-8 when none)
         * @param contentType the body's content type, if the vendor sent one
         * @throws MalformedBodyException when the body is not the expected shape
         */
        T read(String body, Optional<MediaType> contentType) throws MalformedBodyException;
    }

    /** Reads a 2xx body into a result while it streams in. */
    @FunctionalInterface
    interface StreamReader<T> {
        /**
         * @param body        the body's bytes as they arrive
         * @param contentType the body's content type, if the vendor sent one
         * @throws MalformedBodyException when the body is not the expected shape
         * @throws IOException            when the connection fails while reading
         */
        T read(BufferedSource body, Optional<MediaType> contentType) throws MalformedBodyException, IOException;
    }
}
