package dev.voxgate.providers.deepgram;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.http.VendorConnector;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;
import okhttp3.HttpUrl;

/**
 * Provider {@code deepgram}: {@code POST {base}/listen?model=<model>&<options>} with {@code Authorization: Token
 * <key>} and the raw audio as the body, typed with the file's content type. The base is {@code api_base}, else
 * {@code DEEPGRAM_API_BASE}, else {@value #DEFAULT_API_BASE}; the key is {@code api_key}, else
 * {@code DEEPGRAM_API_KEY}. OpenAI's {@code language} is sent as Deepgram's {@code language}; Deepgram's own options
 * ({@code diarize}, {@code smart_format}, …) come from the deployment's and the request's extra parameters, and any
 * other parameter, {@code prompt} and {@code temperature} included, is refused unless the deployment drops them.
 *
 * <p>Stateless and thread-safe.
 */
public final class DeepgramProviderFactory implements ProviderFactory {

    /** The provider id. */
    public static final String ID = "deepgram";

    /** Deepgram's API base when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.deepgram.com/v1";

    private static final VendorConnector.Defaults DEFAULTS = new VendorConnector.Defaults(ID, "DEEPGRAM_API_BASE",
            HttpUrl.get(DEFAULT_API_BASE), "DEEPGRAM_API_KEY", "Authorization", "Token ");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TranscriptionPort create(Deployment deployment, ProviderContext context) {
        return VendorConnector.connect(DEFAULTS, deployment, context,
                (base, request) -> ListenOptions.of(deployment, request).call(base, deployment.providerModel(),
                        request.audio()), ListenOptions.capabilities());
    }
}
