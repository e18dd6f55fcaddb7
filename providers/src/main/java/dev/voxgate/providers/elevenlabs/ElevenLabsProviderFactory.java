package dev.voxgate.providers.elevenlabs;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.http.VendorConnector;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;
import okhttp3.HttpUrl;

/**
 * Provider {@code elevenlabs}: {@code POST {base}/v1/speech-to-text} with an {@code xi-api-key} header and a
 * multipart form whose model field is {@code model_id} (e.g. {@code scribe_v1}). The base is {@code api_base}, else
 * {@code ELEVENLABS_API_BASE}, else {@value #DEFAULT_API_BASE}; the key is {@code api_key}, else
 * {@code ELEVENLABS_API_KEY}. OpenAI's {@code language} is sent as {@code language_code}, {@code temperature} as is;
 * ElevenLabs' own fields ({@code diarize}, {@code num_speakers}, …) come from the extra parameters, and any other
 * parameter, {@code prompt} included, is refused unless the deployment drops them.
 *
 * <p>Stateless and thread-safe.
 */
public final class ElevenLabsProviderFactory implements ProviderFactory {

    /** The provider id. */
    public static final String ID = "elevenlabs";

    /** ElevenLabs' API base when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.elevenlabs.io";

    private static final VendorConnector.Defaults DEFAULTS = new VendorConnector.Defaults(ID, "ELEVENLABS_API_BASE",
            HttpUrl.get(DEFAULT_API_BASE), "ELEVENLABS_API_KEY", "xi-api-key", "");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TranscriptionPort create(Deployment deployment, ProviderContext context) {
        return VendorConnector.connect(DEFAULTS, deployment, context,
                (base, request) -> SpeechToTextForm.of(deployment, request).call(base),
                SpeechToTextForm.capabilities());
    }
}
