package dev.voxgate.providers.deepgram;

import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.KeyHeader;
import dev.voxgate.providers.http.UpstreamProviderFactory;

/**
 * Provider {@code deepgram}: {@code POST {base}/listen?model=<model>&<options>} with {@code Authorization: Token
 * <key>} and the raw audio as the body, typed with the file's content type. The base is {@code api_base}, else
 * {@code DEEPGRAM_API_BASE}, else {@value #DEFAULT_API_BASE}; the key is {@code api_key}, else
 * {@code DEEPGRAM_API_KEY}. OpenAI's {@code language} is sent as Deepgram's {@code language}; Deepgram's own options
 * ({@code diarize}, {@code smart_format}, {@code keyterm}, …) come from the deployment's and the request's parameters,
 * typed (booleans, numbers such as {@code utt_split}, lists such as {@code keyterm} sent as repeated keys), and any
 * other parameter, {@code prompt} and {@code temperature} included, is refused unless the deployment drops them.
 *
 * <p>Stateless and thread-safe.
 */
public final class DeepgramProviderFactory extends UpstreamProviderFactory {

    /** The provider id. */
    public static final String ID = "deepgram";

    /** Deepgram's API base when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.deepgram.com/v1";

    public DeepgramProviderFactory() {
        super(EndpointRules.builder(ID)
                        .baseVariables("DEEPGRAM_API_BASE")
                        .defaultBase(DEFAULT_API_BASE)
                        .keyVariables("DEEPGRAM_API_KEY")
                        .keyHeader(new KeyHeader("Authorization", "Token "))
                        .build(),
                ListenCall.PARAMS, ListenCall.CAPABILITIES, ListenCall::transcribe);
    }
}
