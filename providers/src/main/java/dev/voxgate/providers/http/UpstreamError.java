package dev.voxgate.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a vendor's error body says, read from the envelopes vendors use: OpenAI's
 * {@code {"error":{"message","param",…}}}, Azure's {@code {"error":{"code","message"}}}, Google's
 * {@code {"error":{"code","message","status","details"}}} (whose {@code details} may say the key was refused,
 * {@code ErrorInfo.reason: API_KEY_INVALID}, and when to retry, {@code RetryInfo.retryDelay: "30s"}), FastAPI's
 * {@code {"detail":…}}, Deepgram's {@code {"err_code","err_msg"}} and {@code {"category","message","details"}},
 * {@code {"error":"…"}}, {@code {"message":"…"}}; otherwise a short piece of a plain-text body. An HTML page says
 * nothing worth repeating.
 *
 * @param message     the vendor's own message, whitespace collapsed and length-capped
 * @param param       the request field the vendor blames, if it names one
 * @param keyRejected whether the vendor says the key is not valid, whatever its status (Google answers 400)
 * @param retryDelay  when the vendor says to retry, in its body rather than a header (Google's {@code RetryInfo})
 */
record UpstreamError(Optional<String> message, Optional<String> param, boolean keyRejected,
                     Optional<Duration> retryDelay) {

    private static final int MAX_MESSAGE = 300;
    private static final UpstreamError SILENT = new UpstreamError(Optional.empty(), Optional.empty());
    private static final Pattern DELAY = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)s");

    UpstreamError(Optional<String> message, Optional<String> param) {
        this(message, param, false, Optional.empty());
    }

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
            return found(message, error.path("param")).map(found -> google(found, error.path("details")));
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

    /** {@code found} with what Google's {@code details} add: a refused key, a retry delay. */
    private static UpstreamError google(UpstreamError found, JsonNode details) {
        boolean keyRejected = false;
        Optional<Duration> delay = Optional.empty();
        for (JsonNode detail : details) {
            keyRejected |= detail.path("reason").asText().equals("API_KEY_INVALID");
            Matcher seconds = DELAY.matcher(detail.path("retryDelay").asText());
            if (seconds.matches()) {
                delay = Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(seconds.group(1)) * 1000)));
            }
        }
        return new UpstreamError(found.message(), found.param(), keyRejected, delay);
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
