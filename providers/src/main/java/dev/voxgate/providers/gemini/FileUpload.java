package dev.voxgate.providers.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.providers.gemini.GeminiWire.File;
import dev.voxgate.providers.http.AudioRequestBody;
import dev.voxgate.providers.http.JobStatus;
import dev.voxgate.providers.http.JobSteps;
import dev.voxgate.providers.http.Leftovers;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ProviderJson;
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.VettedRequest;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Audio too large to send inline, through Gemini's Files API as a {@link JobSteps job}: a resumable upload
 * ({@code POST /upload/v1beta/files} with {@code X-Goog-Upload-Command: start} and the audio's length and type, then
 * the bytes to the upload URL Google answers with, {@code upload, finalize}), polls of {@code GET /v1beta/files/{id}}
 * until the file is {@code ACTIVE}, then the transcription naming its URI; the file is deleted
 * ({@code DELETE /v1beta/files/{id}}) once the call is over, rather than left for Google's 48 hours. The key goes to
 * the upload URL only when it is on the deployment's own host, as every call's key does.
 *
 * <p>Stateless and thread-safe.
 */
final class FileUpload implements JobSteps<FileUpload.Upload> {

    private final GeminiCall call;

    FileUpload(GeminiCall call) {
        this.call = Objects.requireNonNull(call, "call");
    }

    /**
     * An uploaded file as Gemini last described it.
     *
     * @param id       its name, {@code files/<id>}
     * @param status   running while {@code PROCESSING}, completed once {@code ACTIVE}
     * @param uri      what a call names it by
     * @param mimeType the audio's type
     * @param deployment the deployment the transcription goes to once the file is active
     */
    record Upload(String id, JobStatus status, String uri, String mimeType, Deployment deployment)
            implements JobSteps.Snapshot {
    }

    @Override
    public Upload start(Deployment deployment, VettedRequest request, UpstreamCalls calls, Leftovers leftovers) {
        AudioInput audio = request.request().audio();
        ObjectNode metadata = ProviderJson.object();
        metadata.putObject("file").put("display_name", audio.filename());
        HttpUrl uploadUrl = calls.header(new Request.Builder().url(calls.endpoint().url("upload/v1beta/files"))
                        .header("X-Goog-Upload-Protocol", "resumable")
                        .header("X-Goog-Upload-Command", "start")
                        .header("X-Goog-Upload-Header-Content-Length", Long.toString(audio.content().size()))
                        .header("X-Goog-Upload-Header-Content-Type", audio.contentType())
                        .post(ProviderJson.body(metadata)), "X-Goog-Upload-URL")
                .map(HttpUrl::parse).filter(url -> sameOrigin(url, calls.endpoint().base()))
                .orElseThrow(() -> new TranscriptionException(new UpstreamProtocolError(calls.describe()
                        + ": the upload's start answered no upload URL on the deployment's host")));
        Upload upload = calls.send(new Request.Builder().url(uploadUrl)
                .header("X-Goog-Upload-Command", "upload, finalize")
                .header("X-Goog-Upload-Offset", "0")
                .post(new AudioRequestBody(audio)), (body, type) -> upload(
                ProviderJson.readBody(body, GeminiWire.Uploaded.class).file(), audio.contentType(), deployment));
        leftovers.add("file " + upload.id(), delete -> delete.send(new Request.Builder()
                .url(delete.endpoint().url("v1beta/" + upload.id())).delete(), (body, type) -> body));
        return upload;
    }

    @Override
    public Upload poll(Upload job, UpstreamCalls calls) {
        return calls.send(new Request.Builder().url(calls.endpoint().url("v1beta/" + job.id())).get(),
                (body, type) -> upload(ProviderJson.readBody(body, File.class), job.mimeType(), job.deployment()));
    }

    @Override
    public Transcription result(Upload job, VettedRequest request, UpstreamCalls calls) {
        return call.transcribe(job.deployment(), request, AudioPart.uploaded(job.uri(), job.mimeType()), calls);
    }

    private static boolean sameOrigin(HttpUrl url, HttpUrl base) {
        return url.scheme().equals(base.scheme()) && url.host().equalsIgnoreCase(base.host())
                && url.port() == base.port();
    }

    private static Upload upload(File file, String mimeType, Deployment deployment) throws MalformedBodyException {
        if (file == null || file.name() == null || !file.name().startsWith("files/") || file.uri() == null) {
            throw new MalformedBodyException("the file has no 'name' or 'uri'");
        }
        JobStatus status = switch (String.valueOf(file.state())) {
            case "ACTIVE" -> JobStatus.COMPLETED;
            case "FAILED" -> JobStatus.failed(file.error() == null || file.error().message() == null
                    ? "the file could not be processed" : file.error().message());
            default -> JobStatus.RUNNING;
        };
        return new Upload(file.name(), status, file.uri(), mimeType, deployment);
    }
}
