package dev.voxgate.providers.soniox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.AudioRequestBody;
import dev.voxgate.providers.http.JobStatus;
import dev.voxgate.providers.http.JobSteps;
import dev.voxgate.providers.http.Leftovers;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ParamPlacement;
import dev.voxgate.providers.http.ParamSchema;
import dev.voxgate.providers.http.ProviderJson;
import dev.voxgate.providers.http.StandardField;
import dev.voxgate.providers.http.TimedJson;
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.VettedRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.Request;

/**
 * One Soniox transcription as a job: {@code POST /v1/files} with the audio as multipart field {@code file},
 * {@code POST /v1/transcriptions} with {@code model}, {@code file_id}, OpenAI's {@code language} as
 * {@code language_hints: [<language>]} (else {@code enable_language_identification: true}, as Whisper names the
 * language it heard), {@code enable_speaker_diarization: true} for {@code diarized_json}, and
 * Soniox's own options, typed; then {@code GET /v1/transcriptions/{id}} until it ends and
 * {@code GET /v1/transcriptions/{id}/transcript}, whose tokens {@link TokenReader} reads. Soniox keeps both the file
 * (against a storage quota) and the transcription until they are deleted, so both are, once the call is over.
 *
 * <p>Stateless and thread-safe.
 */
final class TranscriptionJob implements JobSteps<TranscriptionJob.Job> {

    private static final ParamValue TRUE = ParamValue.text("true");
    private static final String FILES = "v1/files/";
    private static final String TRANSCRIPTIONS = "v1/transcriptions/";
    // Soniox's async options, less webhook_* (whose answer holds no transcript), translation (a second transcript)
    // and context, whose shape differs between models.
    static final ParamSchema PARAMS = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.TIMESTAMP_GRANULARITIES)
            .param(ParamPlacement.JSON, ParamType.LIST, "language_hints")
            .param(ParamPlacement.JSON, ParamType.BOOLEAN, "enable_speaker_diarization",
                    "enable_language_identification")
            .param(ParamPlacement.JSON, ParamType.TEXT, "client_reference_id")
            .build();

    /**
     * Its one JSON answer, from which the proxy renders every other format; timed words and segments, speakers; at
     * most 60 minutes of audio, a limit Soniox does not raise.
     */
    static final Capabilities CAPABILITIES = TimedJson.builder(PARAMS).maxAudio(Duration.ofMinutes(60)).build();

    /**
     * A transcription job as Soniox last described it.
     *
     * @param id         the transcription's id
     * @param status     where it stands
     * @param durationMs the audio's length, once Soniox read it
     */
    record Job(String id, JobStatus status, Optional<Long> durationMs) implements JobSteps.Snapshot {
    }

    @Override
    public Job start(Deployment deployment, VettedRequest request, UpstreamCalls calls, Leftovers leftovers) {
        TranscriptionRequest kept = request.request();
        AudioInput audio = kept.audio();
        MultipartBody upload = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", audio.filename(), new AudioRequestBody(audio)).build();
        String fileId = calls.send(new Request.Builder().url(calls.endpoint().url("v1/files")).post(upload),
                (body, type) -> fileId(body));
        leftovers.add("file " + fileId, delete -> delete.send(new Request.Builder()
                .url(delete.endpoint().url(FILES + fileId)).delete(), (body, type) -> body));
        ObjectNode json = ProviderJson.object().put("model", deployment.providerModel()).put("file_id", fileId);
        kept.language().ifPresent(language -> json.putArray("language_hints").add(language));
        VettedRequest options = kept.language().isPresent() ? request.without("language_hints") : request;
        if (kept.language().isEmpty() && options.value("language_hints").isEmpty()) {
            // Whisper names the language it heard; Soniox does only when asked to identify it.
            options = options.orDefault("enable_language_identification", TRUE);
        }
        if (kept.responseFormat() == ResponseFormat.DIARIZED_JSON) {
            options = options.orDefault("enable_speaker_diarization", TRUE);
        }
        options.writeJson(json);
        Job job = calls.send(new Request.Builder().url(calls.endpoint().url("v1/transcriptions"))
                .post(ProviderJson.body(json)), (body, type) -> job(body));
        leftovers.add("transcription " + job.id(), delete -> delete.send(new Request.Builder()
                .url(delete.endpoint().url(TRANSCRIPTIONS + job.id())).delete(), (body, type) -> body));
        return job;
    }

    @Override
    public Job poll(Job job, UpstreamCalls calls) {
        return calls.send(new Request.Builder().url(calls.endpoint().url(TRANSCRIPTIONS + job.id())).get(),
                (body, type) -> job(body));
    }

    @Override
    public Transcription result(Job job, VettedRequest request, UpstreamCalls calls) {
        Optional<String> sent = request.request().language()
                .or(() -> request.value("language_hints").flatMap(hints -> hints.values().stream().findFirst()));
        HttpUrl transcript = calls.endpoint().url(TRANSCRIPTIONS + job.id() + "/transcript");
        return calls.send(new Request.Builder().url(transcript).get(),
                (body, type) -> TokenReader.read(body, job.durationMs(), sent));
    }

    private static String fileId(String body) throws MalformedBodyException {
        SonioxWire.File file = ProviderJson.readBody(body, SonioxWire.File.class);
        if (file.id() == null || file.id().isBlank()) {
            throw new MalformedBodyException("the file's answer has no 'id'");
        }
        return file.id();
    }

    private static Job job(String body) throws MalformedBodyException {
        SonioxWire.Transcription job = ProviderJson.readBody(body, SonioxWire.Transcription.class);
        if (job.id() == null || job.status() == null) {
            throw new MalformedBodyException("the transcription has no 'id' or 'status'");
        }
        JobStatus status = switch (job.status().toLowerCase(Locale.ROOT)) {
            case "completed" -> JobStatus.COMPLETED;
            case "error" -> JobStatus.failed(String.join(": ", Optional.ofNullable(job.errorType()).orElse("error"),
                    Optional.ofNullable(job.errorMessage()).orElse("no message")));
            default -> JobStatus.RUNNING;
        };
        return new Job(job.id(), status, Optional.ofNullable(job.audioDurationMs()));
    }
}
