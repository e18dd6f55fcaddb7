package dev.voxgate.providers.http;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;

/**
 * How a vendor carries out one transcription over its deployment's {@link UpstreamCalls}: a single POST for the
 * vendors that answer at once (Deepgram, ElevenLabs), or several calls for a job-style vendor (upload the audio,
 * create the job, poll it, fetch the transcript, delete the job), each of which the calls send with the key and map
 * to a failure the same way.
 *
 * <p>Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface UpstreamExchange {

    /**
     * The transcript of {@code request} to {@code deployment}, already vetted by the vendor's {@link ParamSchema}.
     *
     * @throws TranscriptionException with {@code InvalidRequest} when the vendor cannot take the request (before any
     *                                call), or with the failure of a call
     */
    Transcription transcribe(Deployment deployment, VettedRequest request, UpstreamCalls calls);
}
