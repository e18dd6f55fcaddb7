package dev.voxgate.providers.gemini;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.VettedRequest;

/**
 * One of Gemini's two ways of transcribing (the Interactions API, {@code generateContent}), given the audio as the
 * call carries it: inline, or as a file already uploaded. How the audio travels is {@link AudioDelivery}'s choice.
 *
 * <p>Implementations are stateless and thread-safe.
 */
interface GeminiCall {

    /** The transcript of {@code request} to {@code deployment}, its audio sent as {@code audio}. */
    Transcription transcribe(Deployment deployment, VettedRequest request, AudioPart audio, UpstreamCalls calls);
}
