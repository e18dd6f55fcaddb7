package dev.voxgate.providers.http;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;

/**
 * The calls of one job-style vendor, which {@link VendorJob} strings together: start the job (upload the audio, create
 * the job), poll it, read its transcript. Each vendor copy made along the way (the uploaded file, the job) is handed
 * to {@link Leftovers} as soon as it exists, so that it is deleted however the call ends.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <J> the vendor's job as its last answer described it
 */
public interface JobSteps<J extends JobSteps.Snapshot> {

    /** A vendor's job as one of its answers described it. */
    interface Snapshot {
        /** The vendor's id of the job, for the calls about it, messages and logs. */
        String id();

        /** Where the job stood. */
        JobStatus status();
    }

    /**
     * Uploads the audio and creates the job, the request already vetted; the job as the creating call answered.
     *
     * @throws TranscriptionException with the failure of a call, or {@code InvalidRequest} before any call
     */
    J start(Deployment deployment, VettedRequest request, UpstreamCalls calls, Leftovers leftovers);

    /** The job as the vendor describes it now. */
    J poll(J job, UpstreamCalls calls);

    /** The transcript of a completed {@code job}: from its last answer, or from further calls. */
    Transcription result(J job, VettedRequest request, UpstreamCalls calls);
}
