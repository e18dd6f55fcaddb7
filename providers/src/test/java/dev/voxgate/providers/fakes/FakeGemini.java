package dev.voxgate.providers.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Google's Gemini API played strictly on loopback, as Google checks it: the key in {@code x-goog-api-key} and never
 * in the URL (403 without one, 400 {@code API_KEY_INVALID} for a wrong one); {@code generateContent} with one user
 * turn of a text part and exactly one audio part (inline base64 that decodes, or an uploaded file that is
 * {@code ACTIVE}) of an {@code audio/*} type, and no field Google lacks; the Interactions API with
 * {@code Api-Revision}, model {@code gemini-3.5-transcribe}, one audio input and a transcription config of Google's
 * keys only, answering {@code word_info} annotations only when word timestamps are asked for, speakers only with
 * {@code diarization_mode}; the Files API's resumable upload (start, then {@code upload, finalize} of exactly the
 * announced length), files {@code PROCESSING} for as many polls as the test says, then {@code ACTIVE}, and their
 * deletion. Audio counts 32 tokens a second, as Google bills it. Errors in Google's envelope.
 */
public final class FakeGemini extends FakeJobVendor {

    /** The Interactions API revision the adapter pins, as LiteLLM does. */
    public static final String API_REVISION = "2026-05-20";
    private static final Set<String> MODELS = Set.of("gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite",
            "gemini-3-flash-preview", "gemini-3-pro-preview");
    private static final Set<String> CONFIG_KEYS = Set.of("language_codes", "custom_vocabulary", "mode");
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger uploadIds = new AtomicInteger();

    private record Upload(String displayName, long length, String mimeType) {
    }

    /** Expects {@code key}; transcribes every audio as {@code transcript}, timed over {@code measure}'s seconds. */
    public FakeGemini(String key, String transcript, ToDoubleFunction<byte[]> measure) {
        super(key, transcript, measure);
    }

    /** The JSON bodies of the transcription calls ({@code generateContent} and interactions), in order. */
    public List<JsonNode> transcriptionCalls() {
        return List.copyOf(calls);
    }

    /** The names ({@code files/…}) of the uploaded files not deleted. */
    public List<String> filesLeft() {
        return jobsLeft().stream().map(id -> "files/" + id).toList();
    }

    @Override
    MockResponse answer(RecordedRequest request) {
        String given = request.getHeaders().get("x-goog-api-key");
        if (request.getUrl().queryParameter("key") != null) {
            return error(400, "INVALID_ARGUMENT", "The key belongs in the x-goog-api-key header.");
        }
        if (given == null) {
            return error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers.");
        }
        if (!given.equals(key)) {
            return error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.");
        }
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (method.equals("POST") && path.equals("/upload/v1beta/files")) {
            return request.getUrl().queryParameter("upload_id") == null ? startUpload(request) : finishUpload(request);
        }
        if (path.startsWith("/v1beta/files/")) {
            return file(request, path.substring("/v1beta/files/".length()));
        }
        if (method.equals("POST") && path.equals("/v1beta/interactions")) {
            return interaction(request);
        }
        if (method.equals("POST") && path.startsWith("/v1beta/models/") && path.endsWith(":generateContent")) {
            return generateContent(request, path.substring("/v1beta/models/".length(), path.indexOf(':')));
        }
        return error(404, "NOT_FOUND", "Requested entity was not found.");
    }

    private MockResponse startUpload(RecordedRequest request) {
        JsonNode body = read(request);
        String length = request.getHeaders().get("X-Goog-Upload-Header-Content-Length");
        String type = request.getHeaders().get("X-Goog-Upload-Header-Content-Type");
        if (!"resumable".equals(request.getHeaders().get("X-Goog-Upload-Protocol"))
                || !"start".equals(request.getHeaders().get("X-Goog-Upload-Command")) || length == null
                || type == null || body == null || !body.path("file").path("display_name").isTextual()) {
            return error(400, "INVALID_ARGUMENT", "Invalid resumable upload start.");
        }
        String id = "u" + uploadIds.incrementAndGet();
        uploads.put(id, new Upload(body.path("file").path("display_name").asText(), Long.parseLong(length), type));
        HttpUrl next = request.getUrl().newBuilder().addQueryParameter("upload_id", id)
                .addQueryParameter("upload_protocol", "resumable").build();
        return new MockResponse.Builder().code(200).setHeader("X-Goog-Upload-URL", next.toString())
                .setHeader("X-Goog-Upload-Status", "active").build();
    }

    private MockResponse finishUpload(RecordedRequest request) {
        Upload upload = uploads.remove(request.getUrl().queryParameter("upload_id"));
        byte[] audio = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        if (upload == null || !"upload, finalize".equals(request.getHeaders().get("X-Goog-Upload-Command"))
                || !"0".equals(request.getHeaders().get("X-Goog-Upload-Offset")) || audio.length != upload.length()) {
            return error(400, "INVALID_ARGUMENT", "Invalid upload: wrong session, command, offset or length.");
        }
        FakeJob job = newJob(audio, JSON.valueToTree(Map.of("mimeType", upload.mimeType(),
                "displayName", upload.displayName())));
        return json(200, Map.of("file", file(job, request.getUrl())));
    }

    private MockResponse file(RecordedRequest request, String id) {
        FakeJob job = jobs.get(id);
        if (job == null || job.deleted) {
            return error(404, "NOT_FOUND", "File files/" + id + " does not exist.");
        }
        return switch (request.getMethod()) {
            case "GET" -> pollFault(code -> error(code, code == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE",
                    "Try again later.")).orElseGet(() -> {
                        job.poll();
                        return json(200, file(job, request.getUrl()));
                    });
            case "DELETE" -> {
                job.deleted = true;
                yield json(200, Map.of());
            }
            default -> error(404, "NOT_FOUND", "Requested entity was not found.");
        };
    }

    private Map<String, Object> file(FakeJob job, HttpUrl at) {
        String state = switch (job.status()) {
            case "completed" -> "ACTIVE";
            case "error" -> "FAILED";
            default -> "PROCESSING";
        };
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", "files/" + job.id);
        file.put("displayName", job.options.path("displayName").asText());
        file.put("mimeType", job.options.path("mimeType").asText());
        file.put("sizeBytes", Integer.toString(job.audio.length));
        file.put("uri", at.newBuilder().encodedPath("/v1beta/files/" + job.id).query(null).build().toString());
        file.put("state", state);
        if (state.equals("FAILED")) {
            file.put("error", Map.of("code", 400, "message", failure()));
        }
        return file;
    }

    /** The audio a part names, inline or uploaded; null (with the error in {@code problem}) when Google refuses it. */
    private byte[] audio(String data, String uri, String mimeType, StringBuilder problem) {
        if (mimeType == null || !mimeType.startsWith("audio/")) {
            problem.append("Unsupported MIME type: ").append(mimeType);
            return null;
        }
        if ((data == null) == (uri == null)) {
            problem.append("Exactly one of data and uri must be set.");
            return null;
        }
        if (data != null) {
            try {
                return Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                problem.append("Base64 decoding failed.");
                return null;
            }
        }
        FakeJob job = jobs.get(uri.substring(uri.lastIndexOf('/') + 1));
        if (job == null || job.deleted || !job.status().equals("completed") || !uri.contains("/v1beta/files/")) {
            problem.append("The file ").append(uri).append(" is not ACTIVE.");
            return null;
        }
        return job.audio;
    }

    private MockResponse generateContent(RecordedRequest request, String model) {
        if (!MODELS.contains(model)) {
            return error(404, "NOT_FOUND", "models/" + model + " is not found for API version v1beta.");
        }
        JsonNode body = read(request);
        StringBuilder problem = new StringBuilder();
        byte[] audio = body == null ? null : generateContentAudio(body, problem);
        if (audio == null) {
            return error(400, "INVALID_ARGUMENT", problem.isEmpty() ? "Invalid JSON payload received." : problem.toString());
        }
        calls.add(body);
        int audioTokens = audioTokens(audio);
        int textTokens = body.path("contents").path(0).path("parts").path(0).path("text").asText().split(" ").length;
        return json(200, Map.of(
                "candidates", List.of(Map.of("content", Map.of("role", "model",
                        "parts", List.of(Map.of("text", transcript + "\n"))), "finishReason", "STOP", "index", 0)),
                "usageMetadata", Map.of("promptTokenCount", audioTokens + textTokens,
                        "candidatesTokenCount", transcript.split(" ").length,
                        "totalTokenCount", audioTokens + textTokens + transcript.split(" ").length,
                        "promptTokensDetails", List.of(Map.of("modality", "TEXT", "tokenCount", textTokens),
                                Map.of("modality", "AUDIO", "tokenCount", audioTokens))),
                "modelVersion", model));
    }

    private byte[] generateContentAudio(JsonNode body, StringBuilder problem) {
        for (String name : (Iterable<String>) body::fieldNames) {
            if (!name.equals("contents") && !name.equals("generationConfig")) {
                problem.append("Invalid JSON payload received. Unknown name \"").append(name).append("\".");
                return null;
            }
        }
        JsonNode parts = body.path("contents").path(0).path("parts");
        if (body.path("contents").size() != 1 || parts.size() != 2 || !parts.path(0).path("text").isTextual()) {
            problem.append("Expected one turn of a text part and an audio part.");
            return null;
        }
        JsonNode inline = parts.path(1).path("inline_data");
        JsonNode file = parts.path(1).path("file_data");
        JsonNode part = inline.isObject() ? inline : file;
        return audio(inline.isObject() ? part.path("data").asText(null) : null,
                file.isObject() ? part.path("file_uri").asText(null) : null, part.path("mime_type").asText(null),
                problem);
    }

    private MockResponse interaction(RecordedRequest request) {
        if (!API_REVISION.equals(request.getHeaders().get("Api-Revision"))) {
            return error(400, "INVALID_ARGUMENT", "Unsupported or missing Api-Revision.");
        }
        JsonNode body = read(request);
        if (body == null || !body.path("model").asText().startsWith("gemini-3.5-transcribe")) {
            return error(404, "NOT_FOUND", "Model not found.");
        }
        StringBuilder problem = new StringBuilder();
        JsonNode input = body.path("input").path(0);
        JsonNode config = body.path("generation_config").path("transcription_config");
        byte[] audio = body.path("input").size() != 1 || !"audio".equals(input.path("type").asText()) ? null
                : audio(input.path("data").asText(null), input.path("uri").asText(null),
                        input.path("mime_type").asText(null), problem);
        if (audio == null || !validConfig(body, config, problem)) {
            return error(400, "INVALID_ARGUMENT", problem.isEmpty() ? "Invalid input." : problem.toString());
        }
        calls.add(body);
        JsonNode mode = config.path("mode");
        boolean words = mode.path("timestamp_granularities").toString().contains("word");
        boolean speakers = mode.path("diarization_mode").asText().equals("speaker");
        Map<String, Object> text = new LinkedHashMap<>(Map.of("type", "text", "text", transcript));
        if (words) {
            text.put("annotations", annotations(audio, speakers));
        }
        int audioTokens = audioTokens(audio);
        int output = transcript.split(" ").length;
        return json(200, Map.of("id", "v1_" + calls.size(), "status", "completed", "model", body.path("model").asText(),
                "steps", List.of(Map.of("type", "model_output", "content", List.of(text))),
                "usage", Map.of("total_input_tokens", audioTokens, "total_output_tokens", output,
                        "total_tokens", audioTokens + output, "input_tokens_by_modality",
                        List.of(Map.of("modality", "audio", "tokens", audioTokens)))));
    }

    private static boolean validConfig(JsonNode body, JsonNode config, StringBuilder problem) {
        for (String name : (Iterable<String>) body::fieldNames) {
            if (!Set.of("model", "input", "generation_config").contains(name)) {
                problem.append("Unknown field '").append(name).append("'.");
                return false;
            }
        }
        for (String name : (Iterable<String>) config::fieldNames) {
            if (!CONFIG_KEYS.contains(name)) {
                problem.append("Unknown transcription_config field '").append(name).append("'.");
                return false;
            }
        }
        JsonNode mode = config.path("mode");
        if (mode.isMissingNode()) {
            return true;
        }
        boolean valid = Set.of("verbatim", "smart").contains(mode.path("type").asText())
                && (!mode.has("timestamp_granularities")
                || mode.path("timestamp_granularities").toString().equals("[\"word\"]"))
                && (!mode.has("diarization_mode") || mode.path("diarization_mode").asText().equals("speaker"));
        if (!valid) {
            problem.append("Invalid transcription mode: ").append(mode);
        }
        return valid;
    }

    /** Each word timed over the audio; with speakers, the first half of the words spk_1's, the rest spk_2's. */
    private List<Map<String, Object>> annotations(byte[] audio, boolean speakers) {
        List<TimedWord> words = words(audio);
        List<Map<String, Object>> annotations = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            TimedWord word = words.get(i);
            Map<String, Object> annotation = new LinkedHashMap<>(Map.of("type", "word_info", "text", word.text(),
                    "start_offset", offset(word.startMs()), "end_offset", offset(word.endMs())));
            if (speakers) {
                annotation.put("speaker", i < (words.size() + 1) / 2 ? "spk_1" : "spk_2");
            }
            annotations.add(annotation);
        }
        return annotations;
    }

    private static String offset(long millis) {
        return String.format(java.util.Locale.ROOT, "%d.%03ds", millis / 1000, millis % 1000);
    }

    private int audioTokens(byte[] audio) {
        return (int) Math.round(seconds(audio) * 32);
    }

    private static MockResponse error(int code, String status, String message) {
        Map<String, Object> error = new LinkedHashMap<>(Map.of("code", code, "message", message, "status", status));
        if (message.startsWith("API key not valid")) {
            error.put("details", List.of(Map.of("@type", "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason", "API_KEY_INVALID", "domain", "googleapis.com")));
        }
        return json(code, Map.of("error", error));
    }
}
