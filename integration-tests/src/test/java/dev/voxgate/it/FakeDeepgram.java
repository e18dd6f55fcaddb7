package dev.voxgate.it;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A loopback stand-in for Deepgram's pre-recorded API that refuses what Deepgram refuses: another path, a key not
 * sent as {@code Authorization: Token …}, no {@code model}, a body that is not raw audio. It answers in Deepgram's
 * own JSON, with utterances when they are asked for.
 */
final class FakeDeepgram extends LoopbackVendor {

    /** What the fake saw of a request it accepted. */
    record SeenRequest(HttpUrl url, String contentType, long bodySize) {
    }

    private final String apiKey;
    private final String transcript;
    private final List<SeenRequest> seen = new CopyOnWriteArrayList<>();

    FakeDeepgram(String apiKey, String transcript) {
        this.apiKey = apiKey;
        this.transcript = transcript;
    }

    /** Deepgram's base URL, {@code …/v1}. */
    String baseUrl() {
        return root("/v1");
    }

    List<SeenRequest> seen() {
        return List.copyOf(seen);
    }

    @Override
    protected MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        if (!request.getMethod().equals("POST") || !url.encodedPath().equals("/v1/listen")) {
            return error(404, "NOT_FOUND", "Not found");
        }
        if (!("Token " + apiKey).equals(request.getHeaders().get("Authorization"))) {
            return error(401, "INVALID_AUTH", "Invalid credentials.");
        }
        String contentType = String.valueOf(request.getHeaders().get("Content-Type"));
        if (url.queryParameter("model") == null || request.getBodySize() <= 0 || !contentType.startsWith("audio/")) {
            return error(400, "Bad Request", "Bad Request: failed to process audio: corrupt or unsupported data");
        }
        seen.add(new SeenRequest(url, contentType, request.getBodySize()));
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(body("true".equals(url.queryParameter("utterances")),
                        wavSeconds(request.getBody().toByteArray()).orElse(5.92))).build();
    }

    private String body(boolean utterances, double seconds) {
        String[] words = transcript.replaceAll("[.,]", "").toLowerCase().split(" ");
        StringBuilder wordJson = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            wordJson.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"word\":\"%s\",\"start\":%.2f,\"end\":%.2f,\"confidence\":0.99,\"punctuated_word\":\"%s\"}",
                    words[i], i * 0.4, i * 0.4 + 0.35, transcript.split(" ")[i]));
        }
        String utteranceJson = utterances
                ? ",\"utterances\":[{\"start\":0.0,\"end\":" + String.format(Locale.ROOT, "%.2f",
                        words.length * 0.4) + ",\"confidence\":0.99,\"channel\":0,\"transcript\":\"" + transcript
                        + "\",\"words\":[" + wordJson + "],\"speaker\":0,\"id\":\"u-1\"}]"
                : "";
        return "{\"metadata\":{\"request_id\":\"fake\",\"duration\":" + String.format(Locale.ROOT, "%.3f", seconds) + ",\"channels\":1},\"results\":{\"channels\":"
                + "[{\"alternatives\":[{\"transcript\":\"" + transcript + "\",\"confidence\":0.99,\"words\":["
                + wordJson + "]}],\"detected_language\":\"en\"}]" + utteranceJson + "}}";
    }

    private static MockResponse error(int status, String code, String message) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body("{\"err_code\":\"" + code + "\",\"err_msg\":\"" + message + "\",\"request_id\":\"fake\"}")
                .build();
    }
}
