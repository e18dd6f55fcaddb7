package dev.voxgate.providers.gemini;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.providers.http.JobRuntime;
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.UpstreamExchange;
import dev.voxgate.providers.http.VendorJob;
import dev.voxgate.providers.http.VettedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Objects;

/**
 * How the audio of a Gemini call travels: inline in the call's JSON up to a limit ({@value #INLINE_LIMIT} bytes unless tests lower it), and above
 * that uploaded through the Files API first ({@link FileUpload}, a {@link VendorJob} that waits until the file is
 * {@code ACTIVE} and deletes it once the call is over, however it ends), the call then naming the file's URI.
 *
 * <p>Immutable and thread-safe.
 */
final class AudioDelivery implements UpstreamExchange {

    // Google takes requests of up to 100 MB inline, but the base64 body is built in memory (4/3 of the audio), so
    // inline stops at 20 MB (the limit Google documented first); larger audio is uploaded, streamed from its file.
    static final long INLINE_LIMIT = 20L * 1024 * 1024;
    /** The Files API's largest file. */
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;

    private final GeminiCall call;
    private final VendorJob<FileUpload.Upload> upload;
    private final long inlineLimit;

    /** Sends {@code call}'s audio inline up to {@code inlineLimit} bytes, uploads it above. */
    AudioDelivery(GeminiCall call, JobRuntime runtime, long inlineLimit) {
        this.call = Objects.requireNonNull(call, "call");
        this.inlineLimit = inlineLimit;
        this.upload = new VendorJob<>(new FileUpload(call), runtime);
    }

    @Override
    public Transcription transcribe(Deployment deployment, VettedRequest request, UpstreamCalls calls) {
        AudioInput audio = request.request().audio();
        if (audio.content().size() > inlineLimit) {
            return upload.transcribe(deployment, request, calls);
        }
        return call.transcribe(deployment, request, AudioPart.inline(base64(audio), audio.contentType()), calls);
    }

    private static String base64(AudioInput audio) {
        try (InputStream bytes = audio.content().open()) {
            return Base64.getEncoder().encodeToString(bytes.readAllBytes());
        } catch (IOException e) {
            throw new TranscriptionException(InvalidRequest.ofParam("file", "could not read the audio: "
                    + e.getMessage()), e);
        }
    }
}
