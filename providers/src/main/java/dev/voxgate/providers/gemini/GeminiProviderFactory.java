package dev.voxgate.providers.gemini;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.JobRuntime;
import dev.voxgate.providers.http.KeyHeader;
import dev.voxgate.providers.http.UpstreamProviderFactory;

/**
 * Provider {@code gemini}: {@code gemini/gemini-3.5-transcribe} through the Interactions API
 * ({@link InteractionCall}: timed words, segments, speakers, every format), any other {@code gemini/<model>} through
 * {@code generateContent} ({@link GenerateContentCall}: plain text, json and text only); audio above
 * {@link AudioDelivery#INLINE_LIMIT} bytes goes through the Files API. The key goes in {@code x-goog-api-key}, never
 * in the URL. As LiteLLM resolves them, the base is {@code api_base}, else {@code GEMINI_API_BASE}, else
 * {@value #DEFAULT_API_BASE}, and the key {@code api_key}, else {@code GOOGLE_API_KEY}, else {@code GEMINI_API_KEY}.
 *
 * <p>Stateless and thread-safe.
 */
public final class GeminiProviderFactory extends UpstreamProviderFactory {

    /** The provider id. */
    public static final String ID = "gemini";

    /** Google's Gemini API host when none is configured. */
    public static final String DEFAULT_API_BASE = "https://generativelanguage.googleapis.com";

    /** Waits in real time for uploaded files and deletes them on a thread of its own. */
    public GeminiProviderFactory() {
        this(JobRuntime.system());
    }

    /** Waits for uploaded files and cleans up with {@code runtime}, as tests do with a fake clock. */
    public GeminiProviderFactory(JobRuntime runtime) {
        this(runtime, AudioDelivery.INLINE_LIMIT);
    }

    /** As {@link #GeminiProviderFactory(JobRuntime)}, uploading audio above {@code inlineLimit} bytes. */
    GeminiProviderFactory(JobRuntime runtime, long inlineLimit) {
        super(EndpointRules.builder(ID)
                        .baseVariables("GEMINI_API_BASE")
                        .defaultBase(DEFAULT_API_BASE)
                        .keyVariables("GOOGLE_API_KEY", "GEMINI_API_KEY")
                        .keyHeader(KeyHeader.named("x-goog-api-key"))
                        .build(),
                GeminiProviderFactory::capabilities, adapter(runtime, inlineLimit));
    }

    private static Capabilities capabilities(Deployment deployment) {
        return InteractionCall.serves(deployment) ? InteractionCall.CAPABILITIES : GenerateContentCall.CAPABILITIES;
    }

    private static Adapter adapter(JobRuntime runtime, long inlineLimit) {
        Adapter interactions = Adapter.vetting(InteractionCall.PARAMS,
                new AudioDelivery(new InteractionCall(), runtime, inlineLimit));
        Adapter generateContent = Adapter.vetting(GenerateContentCall.PARAMS,
                new AudioDelivery(new GenerateContentCall(), runtime, inlineLimit));
        return (deployment, declared, calls) -> (InteractionCall.serves(deployment) ? interactions : generateContent)
                .connect(deployment, declared, calls);
    }
}
