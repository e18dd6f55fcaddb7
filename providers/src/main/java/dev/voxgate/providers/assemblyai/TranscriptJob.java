package dev.voxgate.providers.assemblyai;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.VettedRequest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * One AssemblyAI transcription as a job: {@code POST /v2/upload} with the raw audio, {@code POST /v2/transcript}
 * with {@code audio_url}, {@code speech_models: [<model>]}, OpenAI's {@code language} as {@code language_code} (else
 * {@code language_detection: true}, as Whisper detects the language), {@code speaker_labels: true} for
 * {@code diarized_json}, and AssemblyAI's own options, typed; then {@code GET /v2/transcript/{id}} until it ends, and
 * for srt and vtt AssemblyAI's own export ({@code GET /v2/transcript/{id}/srt}, {@code chars_per_caption} in the
 * query). The transcript is deleted ({@code DELETE /v2/transcript/{id}}) once the call is over; AssemblyAI has no
 * call that deletes an upload by itself.
 *
 * <p>Stateless and thread-safe.
 */
final class TranscriptJob implements JobSteps<TranscriptJob.Job> {

    // AssemblyAI's transcript options that shape a transcript, less the webhook ones (whose answer holds no
    // transcript), multichannel (a transcript per channel) and the speech-understanding extras a transcript has no
    // place for (summaries, chapters, entities, sentiment).
    static final ParamSchema PARAMS = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.TIMESTAMP_GRANULARITIES)
            .param(ParamPlacement.JSON, ParamType.TEXT, "language_code", "boost_param", "redact_pii_sub")
            .param(ParamPlacement.JSON, ParamType.BOOLEAN, "language_detection", "speaker_labels", "punctuate",
                    "format_text", "disfluencies", "filter_profanity", "redact_pii")
            .param(ParamPlacement.JSON, ParamType.NUMBER, "speakers_expected", "language_confidence_threshold",
                    "speech_threshold", "audio_start_from", "audio_end_at")
            .param(ParamPlacement.JSON, ParamType.LIST, "keyterms_prompt", "word_boost", "redact_pii_policies")
            .query(ParamType.NUMBER, "chars_per_caption")
            .build();

    /**
     * Its JSON, srt and vtt written by AssemblyAI, text, verbose_json and diarized_json rendered from its words and
     * utterances; timed words and segments, speakers.
     */
    static final Capabilities CAPABILITIES = Capabilities.builder()
            .nativeFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.SRT, ResponseFormat.VTT))
            .renderedFormats(EnumSet.of(ResponseFormat.TEXT, ResponseFormat.VERBOSE_JSON, ResponseFormat.DIARIZED_JSON))
            .wordTimestamps(true)
            .segmentTimestamps(true)
            .diarization(true)
            .paramTypes(PARAMS.types().orElseThrow())
            .build();

    private static final ParamValue TRUE = ParamValue.text("true");

    /**
     * A transcript job as AssemblyAI last described it.
     *
     * @param id         the transcript's id
     * @param status     where it stands
     * @param transcript the transcript, once completed
     */
    record Job(String id, JobStatus status, Optional<Transcription> transcript) implements JobSteps.Snapshot {
    }

    @Override
    public Job start(Deployment deployment, VettedRequest request, UpstreamCalls calls, Leftovers leftovers) {
        TranscriptionRequest kept = request.request();
        Transcript.Upload upload = calls.send(new Request.Builder().url(calls.endpoint().url("v2/upload"))
                .post(AudioRequestBody.octetStream(kept.audio())), (body, type) -> uploaded(body));
        ObjectNode json = ProviderJson.object().put("audio_url", upload.uploadUrl());
        json.putArray("speech_models").add(deployment.providerModel());
        kept.language().ifPresent(language -> json.put("language_code", language));
        implied(kept.language().isPresent() ? request.without("language_code") : request, kept).writeJson(json);
        Job job = calls.send(new Request.Builder().url(calls.endpoint().url("v2/transcript"))
                .post(ProviderJson.body(json)), (body, type) -> job(body));
        leftovers.add("transcript " + job.id(), delete -> delete.send(new Request.Builder()
                .url(delete.endpoint().url("v2/transcript/" + job.id())).delete(), (body, type) -> body));
        return job;
    }

    private static VettedRequest implied(VettedRequest options, TranscriptionRequest request) {
        VettedRequest implied = options;
        if (request.language().isEmpty() && options.value("language_code").isEmpty()) {
            implied = implied.orDefault("language_detection", TRUE);
        }
        if (request.responseFormat() == ResponseFormat.DIARIZED_JSON) {
            implied = implied.orDefault("speaker_labels", TRUE);
        }
        return implied;
    }

    @Override
    public Job poll(Job job, UpstreamCalls calls) {
        return calls.send(new Request.Builder().url(calls.endpoint().url("v2/transcript/" + job.id())).get(),
                (body, type) -> job(body));
    }

    @Override
    public Transcription result(Job job, VettedRequest request, UpstreamCalls calls) {
        Transcription transcript = job.transcript().orElseThrow();
        ResponseFormat format = request.request().responseFormat();
        if (format != ResponseFormat.SRT && format != ResponseFormat.VTT) {
            return transcript;
        }
        HttpUrl.Builder export = calls.endpoint().url("v2/transcript/" + job.id() + "/" + format.wireName())
                .newBuilder();
        request.writeQuery(export);
        String subtitles = calls.send(new Request.Builder().url(export.build()).get(), (body, type) -> body);
        return new Transcription(transcript.text(), transcript.language(), transcript.durationSeconds(),
                transcript.segments(), transcript.words(), transcript.usage(), Optional.of(subtitles));
    }

    private static Transcript.Upload uploaded(String body) throws MalformedBodyException {
        Transcript.Upload upload = ProviderJson.readBody(body, Transcript.Upload.class);
        if (upload.uploadUrl() == null || upload.uploadUrl().isBlank()) {
            throw new MalformedBodyException("the upload's answer has no 'upload_url'");
        }
        return upload;
    }

    private static Job job(String body) throws MalformedBodyException {
        Transcript transcript = TranscriptReader.job(body);
        return switch (transcript.status().toLowerCase(Locale.ROOT)) {
            case "completed" -> new Job(transcript.id(), JobStatus.COMPLETED,
                    Optional.of(TranscriptReader.transcript(transcript, Optional.empty())));
            case "error" -> new Job(transcript.id(),
                    JobStatus.failed(transcript.error() == null ? "" : transcript.error()), Optional.empty());
            default -> new Job(transcript.id(), JobStatus.RUNNING, Optional.empty());
        };
    }
}
