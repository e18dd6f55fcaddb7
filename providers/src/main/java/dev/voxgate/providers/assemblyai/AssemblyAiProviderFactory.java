package dev.voxgate.providers.assemblyai;

import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.JobRuntime;
import dev.voxgate.providers.http.KeyHeader;
import dev.voxgate.providers.http.UpstreamProviderFactory;
import dev.voxgate.providers.http.VendorJob;

/**
 * Provider {@code assemblyai}: {@code assemblyai/<speech_model>} ({@code universal-3-5-pro}, {@code universal-2},
 * …), transcribed as a job ({@link TranscriptJob}) with the key alone in {@code Authorization}. The base is
 * {@code api_base}, else {@code ASSEMBLYAI_API_BASE}, else {@value #DEFAULT_API_BASE}; for data kept in the EU, set
 * it to {@value #EU_API_BASE}. The key is {@code api_key}, else {@code ASSEMBLYAI_API_KEY}.
 *
 * <p>Stateless and thread-safe.
 */
public final class AssemblyAiProviderFactory extends UpstreamProviderFactory {

    /** The provider id. */
    public static final String ID = "assemblyai";

    /** AssemblyAI's API host when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.assemblyai.com";

    /** AssemblyAI's EU host, where transcripts and uploads stay in the EU. */
    public static final String EU_API_BASE = "https://api.eu.assemblyai.com";

    /** Waits in real time and deletes each call's transcript on a thread of its own. */
    public AssemblyAiProviderFactory() {
        this(JobRuntime.system());
    }

    /** Polls and cleans up with {@code runtime}, as tests do with a fake clock. */
    public AssemblyAiProviderFactory(JobRuntime runtime) {
        super(EndpointRules.builder(ID)
                        .baseVariables("ASSEMBLYAI_API_BASE")
                        .defaultBase(DEFAULT_API_BASE)
                        .keyVariables("ASSEMBLYAI_API_KEY")
                        .keyHeader(KeyHeader.named("Authorization"))
                        .build(),
                TranscriptJob.PARAMS, TranscriptJob.CAPABILITIES, new VendorJob<>(new TranscriptJob(), runtime));
    }
}
