package dev.voxgate.providers.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * AssemblyAI's pre-recorded API played strictly on loopback: the key alone in {@code Authorization} (a
 * {@code Bearer} prefix is refused, as AssemblyAI refuses it), {@code POST /v2/upload} with raw octet-stream bytes,
 * {@code POST /v2/transcript} naming a known {@code audio_url} and {@code speech_models} and no option AssemblyAI
 * lacks, polls of {@code GET /v2/transcript/{id}} that move the job on, srt/vtt exports only of completed jobs, and
 * {@code DELETE} refused while the job runs. Words are in milliseconds, speakers {@code "A"}, duration whole seconds.
 */
public final class FakeAssemblyAi extends FakeJobVendor {

    private static final Set<String> OPTIONS = Set.of("audio_url", "speech_models", "language_code",
            "language_detection", "speaker_labels", "punctuate", "format_text", "disfluencies", "filter_profanity",
            "redact_pii", "redact_pii_policies", "redact_pii_sub", "speakers_expected",
            "language_confidence_threshold", "speech_threshold", "audio_start_from", "audio_end_at",
            "keyterms_prompt", "word_boost", "boost_param");
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();

    /** Expects {@code key}; transcribes every file as {@code transcript}, timed over {@code measure}'s seconds. */
    public FakeAssemblyAi(String key, String transcript, ToDoubleFunction<byte[]> measure) {
        super(key, transcript, measure);
    }

    @Override
    MockResponse answer(RecordedRequest request) {
        if (!key.equals(request.getHeaders().get("Authorization"))) {
            return error(401, "Authentication error, API token missing/invalid");
        }
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (method.equals("POST") && path.equals("/v2/upload")) {
            return upload(request);
        }
        if (method.equals("POST") && path.equals("/v2/transcript")) {
            return create(request);
        }
        String[] parts = path.split("/");
        FakeJob job = parts.length >= 4 && path.startsWith("/v2/transcript/") ? jobs.get(parts[3]) : null;
        if (job == null || job.deleted) {
            return error(404, "Transcript not found");
        }
        if (parts.length == 5 && method.equals("GET") && (parts[4].equals("srt") || parts[4].equals("vtt"))) {
            return job.status().equals("completed") ? subtitles(job, parts[4], request)
                    : error(400, "Transcript is not completed, status is " + job.status());
        }
        if (parts.length == 4 && method.equals("GET")) {
            return pollFault(code -> error(code, code == 429 ? "Too Many Requests" : "Service Unavailable"))
                    .orElseGet(() -> json(200, transcript(job, job.poll())));
        }
        if (parts.length == 4 && method.equals("DELETE")) {
            if (!job.ended()) {
                return error(400, "Transcript is still processing and cannot be deleted");
            }
            job.deleted = true;
            return json(200, Map.of("id", job.id, "status", job.status(), "text", "Deleted by user."));
        }
        return error(404, "Not found");
    }

    private MockResponse upload(RecordedRequest request) {
        if (!"application/octet-stream".equals(request.getHeaders().get("Content-Type"))
                || request.getBodySize() <= 0) {
            return error(400, "Upload the raw audio bytes as application/octet-stream");
        }
        String url = "https://cdn.assemblyai.com/upload/" + UUID.randomUUID();
        uploads.put(url, request.getBody().toByteArray());
        return json(200, Map.of("upload_url", url));
    }

    private MockResponse create(RecordedRequest request) {
        JsonNode body = read(request);
        if (body == null || !body.isObject() || !String.valueOf(request.getHeaders().get("Content-Type"))
                .startsWith("application/json")) {
            return error(400, "Invalid JSON body");
        }
        byte[] audio = uploads.get(body.path("audio_url").asText());
        if (audio == null) {
            return error(400, "Download error, unable to download " + body.path("audio_url").asText());
        }
        if (!body.path("speech_models").isArray() || body.path("speech_models").isEmpty()) {
            return error(400, "speech_models must be a non-empty list");
        }
        for (String name : (Iterable<String>) body::fieldNames) {
            if (!OPTIONS.contains(name)) {
                return error(400, "Invalid parameter: " + name);
            }
        }
        if (body.has("language_code") && body.path("language_detection").asBoolean(false)) {
            return error(400, "language_detection and language_code cannot both be set");
        }
        return json(200, transcript(newJob(audio, body), "queued"));
    }

    private Map<String, Object> transcript(FakeJob job, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id);
        body.put("status", status);
        body.put("speech_model_used", job.options.path("speech_models").path(0).asText());
        if (status.equals("error")) {
            body.put("error", failure());
        }
        if (!status.equals("completed")) {
            body.put("text", null);
            return body;
        }
        boolean speakers = job.options.path("speaker_labels").asBoolean(false);
        List<Map<String, Object>> words = new ArrayList<>();
        for (TimedWord word : words(job.audio)) {
            Map<String, Object> entry = new LinkedHashMap<>(Map.of("text", word.text(), "start", word.startMs(),
                    "end", word.endMs(), "confidence", 0.98));
            entry.put("speaker", speakers ? "A" : null);
            words.add(entry);
        }
        body.put("text", transcript);
        body.put("words", words);
        body.put("utterances", speakers ? List.of(Map.of("speaker", "A", "text", transcript, "confidence", 0.98,
                "start", words.getFirst().get("start"), "end", words.getLast().get("end"), "words", words)) : null);
        body.put("language_code", job.options.has("language_code") ? job.options.path("language_code").asText()
                : "en");
        body.put("audio_duration", Math.round(seconds(job.audio)));
        return body;
    }

    private MockResponse subtitles(FakeJob job, String format, RecordedRequest request) {
        List<TimedWord> words = words(job.audio);
        StringBuilder out = new StringBuilder(format.equals("vtt") ? "WEBVTT\n\n" : "1\n");
        String separator = format.equals("vtt") ? "." : ",";
        out.append(time(words.getFirst().startMs(), separator)).append(" --> ")
                .append(time(words.getLast().endMs(), separator)).append('\n').append(transcript).append("\n\n");
        String chars = request.getUrl().queryParameter("chars_per_caption");
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain")
                .setHeader("X-Chars-Per-Caption", chars == null ? "default" : chars).body(out.toString()).build();
    }

    private static String time(long millis, String separator) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, separator, millis % 1000);
    }

    private static MockResponse error(int code, String message) {
        return json(code, Map.of("error", message));
    }
}
