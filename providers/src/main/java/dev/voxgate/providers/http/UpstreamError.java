package dev.voxgate.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * What a vendor's error body says, read from the envelopes vendors use: OpenAI's
 * {@code {"error":{"message","param",…}}}, Azure's {@code {"error":{"code","message"}}}, FastAPI's
 * {@code {"detail":…}}, Deepgram's {@code {"err_code","err_msg"}} and {@code {"category","message","details"}},
 * {@code {"error":"…"}}, {@code {"message":"…"}}; otherwise a short piece of a plain-text body. An HTML page says
 * nothing worth repeating.
 *
 * @param message the vendor's own message, whitespace collapsed and length-capped
 * @param param   the request field the vendor blames, if it names one
 */
record UpstreamError(Optional<String> message, Optional<String> param) {

    private static final int MAX_MESSAGE = 300;
    private static final UpstreamError SILENT = new UpstreamError(Optional.empty(), Optional.empty());

    static UpstreamError parse(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("<")) {
            return SILENT;
        }
        if (trimmed.startsWith("{")) {
            Optional<UpstreamError> fromJson = fromJson(trimmed);
            if (fromJson.isPresent()) {
                return fromJson.get();
            }
        }
        return new UpstreamError(clean(trimmed), Optional.empty());
    }

    private static Optional<UpstreamError> fromJson(String json) {
        JsonNode root;
        try {
            root = ProviderJson.tree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        JsonNode error = root.path("error");
        if (error.isObject()) {
            JsonNode message = error.path("message").isTextual() ? error.path("message") : error.path("code");
            return found(message, error.path("param"));
        }
        JsonNode detail = root.path("detail");
        if (detail.isArray() && detail.size() > 0) {
            // FastAPI validation errors: [{"loc":["body","file"],"msg":"field required"}]
            JsonNode location = detail.get(0).path("loc");
            return found(detail.get(0).path("msg"), location.path(location.size() - 1));
        }
        if (detail.isObject()) {
            return found(detail.path("message"), detail.path("param"));
        }
        if (root.has("err_msg") || root.has("err_code") || root.path("details").isTextual()) {
            return deepgram(root);
        }
        for (JsonNode message : new JsonNode[] {error, detail, root.path("message")}) {
            if (message.isTextual()) {
                return found(message, root.path("param"));
            }
        }
        return Optional.empty();
    }

    /** Deepgram's envelopes, which never name a parameter; their {@code request_id} is left to the vendor's logs. */
    private static Optional<UpstreamError> deepgram(JsonNode root) {
        JsonNode legacy = root.path("err_msg").isTextual() ? root.path("err_msg") : root.path("err_code");
        if (legacy.isTextual()) {
            return found(legacy, MissingNode.getInstance());
        }
        String message = root.path("message").asText("").strip();
        String details = root.path("details").asText().strip();
        // The message is a category's headline ("Invalid JSON submitted."); the details say what was wrong.
        String both = message.isEmpty() || message.equals(details) ? details : message + " (" + details + ")";
        return found(TextNode.valueOf(both), MissingNode.getInstance());
    }

    private static Optional<UpstreamError> found(JsonNode message, JsonNode param) {
        if (!message.isValueNode() || message.isNull()) {
            return Optional.empty();
        }
        Optional<String> named = param.isTextual() && !param.asText().isBlank()
                ? Optional.of(param.asText()) : Optional.empty();
        return Optional.of(new UpstreamError(clean(message.asText()), named));
    }

    private static Optional<String> clean(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…");
    }
}
