package dev.voxgate.providers.http;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.UpstreamClient.SuccessReader;
import dev.voxgate.providers.spi.ProviderContext;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/**
 * Connects a deployment of a vendor with its own wire format (not OpenAI's), resolved the way LiteLLM does it: the
 * base URL is {@code api_base}, else the vendor's base variable, else its public endpoint, trailing slashes
 * stripped; the key is {@code api_key}, else the vendor's key variable, and is always required. The vendor supplies
 * only its {@link WireFormat}; sending, the key header, failures and redaction are shared. A deployment that cannot
 * be called as configured still gets an adapter, one that fails every call saying what to set, as the factory
 * contract asks.
 *
 * <p>Stateless and thread-safe.
 */
public final class VendorConnector {

    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    private VendorConnector() {
    }

    /**
     * Where a vendor's defaults come from, and how it takes its key.
     *
     * @param providerId   the provider id, e.g. {@code deepgram}
     * @param baseVariable the environment variable with the base URL
     * @param defaultBase  the vendor's public base URL
     * @param keyVariable  the environment variable with the key
     * @param keyHeader    the header that carries the key, e.g. {@code Authorization}
     * @param keyPrefix    what precedes the key in that header, e.g. {@code "Token "}; empty for the key alone
     */
    public record Defaults(String providerId, String baseVariable, HttpUrl defaultBase, String keyVariable,
                           String keyHeader, String keyPrefix) {
        public Defaults {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(baseVariable, "baseVariable");
            Objects.requireNonNull(defaultBase, "defaultBase");
            Objects.requireNonNull(keyVariable, "keyVariable");
            Objects.requireNonNull(keyHeader, "keyHeader");
            Objects.requireNonNull(keyPrefix, "keyPrefix");
        }
    }

    /** How one request becomes the vendor's HTTP call; it may refuse the request with a TranscriptionException. */
    @FunctionalInterface
    public interface WireFormat {
        Call call(HttpUrl base, TranscriptionRequest request);
    }

    /**
     * One POST to the vendor, without its key.
     *
     * @param url    where to send it
     * @param body   the body, which must be replayable
     * @param reader how to read a 2xx answer
     */
    public record Call(HttpUrl url, RequestBody body, SuccessReader<Transcription> reader) {
        public Call {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(reader, "reader");
        }
    }

    /**
     * The adapter of {@code deployment}, calling the vendor in {@code format} and declaring {@code capabilities}, which
     * must be exactly what {@code format} serves without refusing; a misconfigured deployment declares nothing
     * ({@link Capabilities#UNDECLARED}), so that its calls are still made and fail saying what to set.
     */
    public static TranscriptionPort connect(Defaults defaults, Deployment deployment, ProviderContext context,
                                            WireFormat format, Capabilities capabilities) {
        requireProvider(defaults, deployment);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(capabilities, "capabilities");
        Optional<HttpUrl> base = base(defaults, deployment, context.environment());
        if (base.isEmpty()) {
            // The value itself is not repeated: a mistyped base can hold credentials (user:password@host).
            return new Misconfigured(InvalidRequest.of("the api_base of deployment '" + deployment.id()
                    + "' is not an http(s) URL"));
        }
        Optional<Secret> key = deployment.apiKey()
                .or(() -> context.environment().get(defaults.keyVariable()).map(Secret::of));
        if (key.isEmpty()) {
            return new Misconfigured(new AuthenticationFailed("no API key for deployment '" + deployment.id()
                    + "': set litellm_params.api_key or " + defaults.keyVariable()));
        }
        Upstream upstream = new Upstream(defaults.providerId(), deployment.id(), key);
        UpstreamClient client = new UpstreamClient(context.httpClient(), deployment.timeout(), upstream);
        return new VendorTranscriber(upstream, base.get(), defaults, key.get(), format, client, capabilities);
    }

    private static void requireProvider(Defaults defaults, Deployment deployment) {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(deployment, "deployment");
        if (!deployment.provider().equals(defaults.providerId())) {
            throw new IllegalArgumentException("deployment '" + deployment.id() + "' is for provider '"
                    + deployment.provider() + "', not '" + defaults.providerId() + "'");
        }
    }

    private static Optional<HttpUrl> base(Defaults defaults, Deployment deployment, EnvironmentSource environment) {
        String base = deployment.apiBase().filter(value -> !value.isBlank())
                .or(() -> environment.get(defaults.baseVariable()))
                .orElse(defaults.defaultBase().toString());
        return Optional.ofNullable(HttpUrl.parse(TRAILING_SLASHES.matcher(base.strip()).replaceAll("")));
    }

    /** The adapter of a deployment that cannot be called as configured: every call fails the same way. */
    private record Misconfigured(TranscriptionFailure failure) implements TranscriptionPort {
        @Override
        public Transcription transcribe(TranscriptionRequest request) {
            throw new TranscriptionException(failure);
        }
    }
}
