package dev.voxgate.providers.elevenlabs;

import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.KeyHeader;
import dev.voxgate.providers.http.UpstreamProviderFactory;

/**
 * Provider {@code elevenlabs}: {@code POST {base}/v1/speech-to-text} with an {@code xi-api-key} header and a
 * multipart form whose model field is {@code model_id} (e.g. {@code scribe_v1}). The base is {@code api_base}, else
 * {@code ELEVENLABS_API_BASE}, else {@value #DEFAULT_API_BASE}; the key is {@code api_key}, else
 * {@code ELEVENLABS_API_KEY}. OpenAI's {@code language} is sent as {@code language_code}, {@code temperature} as is;
 * ElevenLabs' own fields ({@code diarize}, {@code num_speakers}, {@code keyterms}, …) come from the parameters, typed
 * (lists as one part per value), and any other parameter, {@code prompt} included, is refused unless the deployment
 * drops them.
 *
 * <p>Stateless and thread-safe.
 */
public final class ElevenLabsProviderFactory extends UpstreamProviderFactory {

    /** The provider id. */
    public static final String ID = "elevenlabs";

    /** ElevenLabs' API base when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.elevenlabs.io";

    public ElevenLabsProviderFactory() {
        super(EndpointRules.builder(ID)
                        .baseVariables("ELEVENLABS_API_BASE")
                        .defaultBase(DEFAULT_API_BASE)
                        .keyVariables("ELEVENLABS_API_KEY")
                        .keyHeader(KeyHeader.named("xi-api-key"))
                        .build(),
                SpeechToTextCall.PARAMS, SpeechToTextCall.CAPABILITIES, SpeechToTextCall::transcribe);
    }
}
