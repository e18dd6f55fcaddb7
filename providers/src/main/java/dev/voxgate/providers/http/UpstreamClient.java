package dev.voxgate.providers.http;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one deployment's requests and turns every outcome into a result or a {@link TranscriptionException}: the
 * response is always closed, error statuses and I/O errors go through {@link FailureMapper}, and a success body is
 * handed to the adapter's reader.
 *
 * <p>Built once per deployment; immutable and thread-safe.
 */
public final class UpstreamClient {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamClient.class);
    // Enough of an error body to find the vendor's message; an HTML error page can be far longer.
    private static final long MAX_ERROR_BODY = 16 * 1024;
    // Far above any transcript (hours of verbose_json with words are a few MiB), far below trouble.
    private static final long MAX_SUCCESS_BODY = 32L * 1024 * 1024;

    private final SharedHttpClient client;
    private final FailureMapper failures;
    private final Upstream upstream;

    /**
     * A client for {@code upstream} over the shared client; with a {@code timeout}, a client derived once with it
     * as the whole call's deadline (sharing the connection pool and dispatcher).
     */
    public UpstreamClient(SharedHttpClient shared, Optional<Duration> timeout, Upstream upstream) {
        Objects.requireNonNull(shared, "shared");
        this.client = timeout.map(shared::withTimeout).orElse(shared);
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.failures = new FailureMapper(upstream, InstantSource.system());
    }

    /** Sends {@code request}; a 2xx body goes to {@code reader}, anything else becomes a failure. */
    public <T> T execute(Request request, SuccessReader<T> reader) {
        return executeStreaming(request, (body, contentType) -> reader.read(whole(body, contentType), contentType));
    }

    /**
     * Sends {@code request} and hands a 2xx body to {@code reader} as it arrives, for streamed answers; anything
     * else becomes a failure, as in {@link #execute}.
     */
    public <T> T executeStreaming(Request request, StreamReader<T> reader) {
        int status = 0;
        try (Response response = client.newCall(request).execute()) {
            status = response.code();
            if (!response.isSuccessful()) {
                String body = response.peekBody(MAX_ERROR_BODY).string();
                throw fail(failures.fromStatus(status, response.headers(), body), null);
            }
            return reader.read(response.body().source(), Optional.ofNullable(response.body().contentType()));
        } catch (MalformedBodyException e) {
            throw fail(failures.unreadable(status, e.getMessage()), null);
        } catch (IOException e) {
            throw fail(failures.fromIo(e), e);
        }
    }

    private static String whole(BufferedSource body, Optional<MediaType> contentType)
            throws IOException, MalformedBodyException {
        if (body.request(MAX_SUCCESS_BODY + 1)) {
            throw new MalformedBodyException("the body is larger than " + MAX_SUCCESS_BODY + " bytes");
        }
        return body.readString(contentType.map(type -> type.charset(StandardCharsets.UTF_8))
                .orElse(StandardCharsets.UTF_8));
    }

    private TranscriptionException fail(TranscriptionFailure failure, Throwable cause) {
        LOG.debug("{} failed: {}", upstream.describe(), failure.message());
        return cause == null ? new TranscriptionException(failure) : new TranscriptionException(failure, cause);
    }

    /** Reads a 2xx body into a result while it streams in. */
    @FunctionalInterface
    public interface StreamReader<T> {
        /**
         * @param body        the body's bytes as they arrive
         * @param contentType the body's content type, if the vendor sent one
         * @throws MalformedBodyException when the body is not the expected shape
         * @throws IOException            when the connection fails while reading
         */
        T read(BufferedSource body, Optional<MediaType> contentType) throws MalformedBodyException, IOException;
    }

    /** Reads a 2xx body into a result. */
    @FunctionalInterface
    public interface SuccessReader<T> {
        /**
         * @param body        the whole body, decoded with its charset (UTF-8 when none)
         * @param contentType the body's content type, if the vendor sent one
         * @throws MalformedBodyException when the body is not the expected shape
         */
        T read(String body, Optional<MediaType> contentType) throws MalformedBodyException;
    }
}
