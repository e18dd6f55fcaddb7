package dev.voxgate.providers.soniox;

import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.JobRuntime;
import dev.voxgate.providers.http.UpstreamProviderFactory;
import dev.voxgate.providers.http.VendorJob;

/**
 * Provider {@code soniox}: {@code soniox/<model>} ({@code stt-async-v4}, …, sent without the prefix), transcribed
 * as a job ({@link TranscriptionJob}) with {@code Authorization: Bearer <key>}. The base is {@code api_base}, else
 * {@code SONIOX_API_BASE}, else {@value #DEFAULT_API_BASE}; the key is {@code api_key}, else {@code SONIOX_API_KEY}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SonioxProviderFactory extends UpstreamProviderFactory {

    /** The provider id. */
    public static final String ID = "soniox";

    /** Soniox's API host when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.soniox.com";

    /** Waits in real time and deletes each call's file and transcription on a thread of its own. */
    public SonioxProviderFactory() {
        this(JobRuntime.system());
    }

    /** Polls and cleans up with {@code runtime}, as tests do with a fake clock. */
    public SonioxProviderFactory(JobRuntime runtime) {
        super(EndpointRules.builder(ID)
                        .baseVariables("SONIOX_API_BASE")
                        .defaultBase(DEFAULT_API_BASE)
                        .keyVariables("SONIOX_API_KEY")
                        .build(),
                TranscriptionJob.PARAMS, TranscriptionJob.CAPABILITIES,
                new VendorJob<>(new TranscriptionJob(), runtime));
    }
}
