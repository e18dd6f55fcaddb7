package dev.voxgate.providers.http;

import dev.voxgate.core.CallerTimeLimit;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.providers.spi.SharedHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link UpstreamCalls} of one deployment over the shared client: the endpoint's key and headers on every
 * request, the response always closed, error statuses and I/O errors through {@link FailureMapper}.
 *
 * <p>Built once per deployment; immutable and thread-safe.
 */
final class UpstreamClient implements UpstreamCalls {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamClient.class);
    // Enough of an error body to find the vendor's message; an HTML error page can be far longer.
    private static final long MAX_ERROR_BODY = 16 * 1024;
    // Far above any transcript (hours of verbose_json with words are a few MiB), far below trouble.
    private static final long MAX_SUCCESS_BODY = 32L * 1024 * 1024;

    private final SharedHttpClient client;
    private final FailureMapper failures;
    private final Upstream upstream;
    private final Endpoint.Ready endpoint;

    /**
     * The calls to {@code endpoint} of {@code upstream} over the shared client; with a {@code timeout}, a client
     * derived once with it as the whole call's deadline (sharing the connection pool and dispatcher), which applies
     * to calls not {@link CallerTimeLimit#bounded() bounded by their caller}.
     */
    UpstreamClient(SharedHttpClient shared, Optional<Duration> timeout, Upstream upstream, Endpoint.Ready endpoint) {
        Objects.requireNonNull(shared, "shared");
        this.client = timeout.map(shared::withTimeout).orElse(shared);
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.failures = new FailureMapper(upstream, InstantSource.system());
    }

    @Override
    public Endpoint.Ready endpoint() {
        return endpoint;
    }

    @Override
    public String describe() {
        return upstream.describe();
    }

    @Override
    public TranscriptionFailure jobFailed(String jobId, JobStatus.Failed failed) {
        return failures.jobFailed(jobId, failed);
    }

    @Override
    public <T> T send(Request.Builder request, SuccessReader<T> reader) {
        return stream(request, (body, contentType) -> reader.read(whole(body, contentType), contentType));
    }

    @Override
    public <T> T stream(Request.Builder request, StreamReader<T> reader) {
        return exchange(request, response -> reader.read(response.body().source(),
                Optional.ofNullable(response.body().contentType())));
    }

    @Override
    public Optional<String> header(Request.Builder request, String name) {
        return exchange(request, response -> Optional.ofNullable(response.header(name)));
    }

    private <T> T exchange(Request.Builder request, ResponseReader<T> reader) {
        int status = 0;
        Call call = client.newCall(endpoint.authorize(request).build());
        if (CallerTimeLimit.bounded()) {
            // The router's alarm ends this call when the deployment's timeout passes; OkHttp's own would cost a
            // JVM-wide lock on every call (CallerTimeLimit says how much).
            call.timeout().clearTimeout();
        }
        try (Response response = call.execute()) {
            status = response.code();
            if (!response.isSuccessful()) {
                String body = response.peekBody(MAX_ERROR_BODY).string();
                throw fail(failures.fromStatus(status, response.headers(), body), null);
            }
            return reader.read(response);
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

    /** Reads a 2xx answer, its body or its headers. */
    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(Response response) throws MalformedBodyException, IOException;
    }

    @Override
    public String toString() {
        return "UpstreamClient[" + upstream.describe() + "]";
    }
}
