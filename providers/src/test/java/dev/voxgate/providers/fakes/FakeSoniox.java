package dev.voxgate.providers.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;

/**
 * Soniox's async API played strictly on loopback: {@code Authorization: Bearer <key>}, {@code POST /v1/files} with a
 * multipart field {@code file} (201), {@code POST /v1/transcriptions} naming a known async model and an uploaded
 * {@code file_id} and no option Soniox lacks (201), polls of {@code GET /v1/transcriptions/{id}} that move the job
 * on, the transcript only of a completed job, as sub-word tokens with a leading space starting each word, and a
 * transcription's {@code DELETE} refused with 409 while it runs. Errors in Soniox's envelope.
 */
public final class FakeSoniox extends FakeJobVendor {

    private static final Set<String> MODELS = Set.of("stt-async-v4", "stt-async-v5", "stt-async-v3");
    private static final Set<String> OPTIONS = Set.of("model", "file_id", "language_hints",
            "enable_speaker_diarization", "enable_language_identification", "client_reference_id");
    private static final Pattern FILE_PART = Pattern.compile(
            "Content-Disposition: form-data; name=\"file\"; filename=\"([^\"]+)\"\r\n(?:Content-Type: [^\r]+\r\n)?"
                    + "(?:Content-Length: \\d+\r\n)?\r\n");
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /** Expects {@code key}; transcribes every file as {@code transcript}, timed over {@code measure}'s seconds. */
    public FakeSoniox(String key, String transcript, ToDoubleFunction<byte[]> measure) {
        super(key, transcript, measure);
    }

    /** The ids of the uploaded files not deleted. */
    public Set<String> filesLeft() {
        return Set.copyOf(files.keySet());
    }

    @Override
    MockResponse answer(RecordedRequest request) {
        if (!("Bearer " + key).equals(request.getHeaders().get("Authorization"))) {
            return error(401, "unauthenticated", "Invalid API key.");
        }
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (method.equals("POST") && path.equals("/v1/files")) {
            return upload(request);
        }
        if (method.equals("POST") && path.equals("/v1/transcriptions")) {
            return create(request);
        }
        if (method.equals("DELETE") && path.startsWith("/v1/files/")) {
            return files.remove(path.substring("/v1/files/".length())) == null
                    ? error(404, "file_not_found", "File not found.") : new MockResponse.Builder().code(204).build();
        }
        String[] parts = path.split("/");
        FakeJob job = parts.length >= 4 && path.startsWith("/v1/transcriptions/") ? jobs.get(parts[3]) : null;
        if (job == null || job.deleted) {
            return error(404, "transcription_not_found", "Transcription not found.");
        }
        if (parts.length == 5 && parts[4].equals("transcript") && method.equals("GET")) {
            return job.status().equals("completed") ? json(200, transcript(job))
                    : error(409, "invalid_transcription_state", "Transcription is not completed.");
        }
        if (parts.length == 4 && method.equals("GET")) {
            return pollFault(code -> code == 429 ? error(code, "rate_limit_exceeded", "Too many requests.")
                    : error(code, "service_unavailable", "Service unavailable."))
                    .orElseGet(() -> json(200, transcription(job, job.poll())));
        }
        if (parts.length == 4 && method.equals("DELETE")) {
            if (!job.ended()) {
                return error(409, "invalid_transcription_state", "Transcription is still processing.");
            }
            job.deleted = true;
            return new MockResponse.Builder().code(204).build();
        }
        return error(404, "not_found", "Not found.");
    }

    private MockResponse upload(RecordedRequest request) {
        String contentType = String.valueOf(request.getHeaders().get("Content-Type"));
        ByteString body = request.getBody();
        String text = body == null ? "" : body.string(StandardCharsets.ISO_8859_1);
        Matcher part = FILE_PART.matcher(text);
        if (!contentType.startsWith("multipart/form-data") || !contentType.contains("boundary=") || !part.find()) {
            return error(400, "invalid_request", "Field 'file' is required.");
        }
        int start = part.end();
        int end = text.indexOf("\r\n--" + contentType.substring(contentType.indexOf("boundary=") + 9), start);
        byte[] audio = text.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
        String id = UUID.randomUUID().toString();
        files.put(id, audio);
        return json(201, Map.of("id", id, "filename", part.group(1), "size", audio.length,
                "created_at", "2026-12-07T12:00:00Z"));
    }

    private MockResponse create(RecordedRequest request) {
        JsonNode body = read(request);
        if (body == null || !body.isObject()) {
            return error(400, "invalid_request", "Invalid JSON.");
        }
        for (String name : (Iterable<String>) body::fieldNames) {
            if (!OPTIONS.contains(name)) {
                return error(400, "invalid_request", "Unknown field '" + name + "'.");
            }
        }
        if (!MODELS.contains(body.path("model").asText())) {
            return error(400, "invalid_request", "Invalid model '" + body.path("model").asText() + "'.");
        }
        byte[] audio = files.get(body.path("file_id").asText());
        if (audio == null) {
            return error(400, "invalid_request", "File not found.");
        }
        return json(201, transcription(newJob(audio, body), "queued"));
    }

    private Map<String, Object> transcription(FakeJob job, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id);
        body.put("status", status);
        body.put("model", job.options.path("model").asText());
        body.put("file_id", job.options.path("file_id").asText());
        body.put("audio_duration_ms", status.equals("queued") ? null : Math.round(seconds(job.audio) * 1000));
        body.put("error_type", status.equals("error") ? "audio_decode_error" : null);
        body.put("error_message", status.equals("error") ? failure() : null);
        return body;
    }

    /** Each word as two pieces, the first with the leading space; a speaker and language when asked for. */
    private Map<String, Object> transcript(FakeJob job) {
        boolean speakers = job.options.path("enable_speaker_diarization").asBoolean(false);
        boolean languages = job.options.path("enable_language_identification").asBoolean(false);
        List<Map<String, Object>> tokens = new ArrayList<>();
        List<TimedWord> words = words(job.audio);
        for (int i = 0; i < words.size(); i++) {
            TimedWord word = words.get(i);
            String text = (i == 0 ? "" : " ") + word.text();
            int cut = Math.max(1, text.length() / 2);
            long middle = (word.startMs() + word.endMs()) / 2;
            tokens.add(token(text.substring(0, cut), word.startMs(), middle, speakers, languages));
            if (cut < text.length()) {
                tokens.add(token(text.substring(cut), middle, word.endMs(), speakers, languages));
            }
        }
        return Map.of("id", job.id, "text", transcript, "tokens", tokens);
    }

    private static Map<String, Object> token(String text, long start, long end, boolean speaker, boolean language) {
        Map<String, Object> token = new LinkedHashMap<>(Map.of("text", text, "start_ms", start, "end_ms", end,
                "confidence", 0.97));
        if (speaker) {
            token.put("speaker", "1");
        }
        if (language) {
            token.put("language", "en");
        }
        return token;
    }

    private static MockResponse error(int code, String type, String message) {
        return json(code, Map.of("status_code", code, "error_type", type, "message", message,
                "validation_errors", List.of(), "request_id", UUID.randomUUID().toString()));
    }
}
