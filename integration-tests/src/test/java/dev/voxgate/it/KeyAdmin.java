package dev.voxgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The key, team and spend routes of a running proxy, called as a LiteLLM user's scripts call them. */
final class KeyAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String masterKey;

    KeyAdmin(String baseUrl, String masterKey) {
        this.baseUrl = baseUrl;
        this.masterKey = masterKey;
    }

    /** An answer: its status and JSON body. */
    record Reply(int status, JsonNode body) {
    }

    Reply post(String path, String jsonBody) {
        return post(path, jsonBody, masterKey);
    }

    Reply post(String path, String jsonBody, String key) {
        return call(new Request.Builder().url(baseUrl + path).header("Authorization", "Bearer " + key)
                .post(RequestBody.create(jsonBody, MediaType.get("application/json"))).build());
    }

    Reply get(String pathAndQuery) {
        return get(pathAndQuery, masterKey);
    }

    Reply get(String pathAndQuery, String key) {
        return call(new Request.Builder().url(baseUrl + pathAndQuery).header("Authorization", "Bearer " + key)
                .get().build());
    }

    /** A new key from {@code /key/generate} with {@code settings} (a JSON object's text). */
    String generate(String settings) {
        Reply reply = post("/key/generate", settings);
        if (reply.status() != 200) {
            throw new AssertionError("/key/generate answered " + reply.status() + ": " + reply.body());
        }
        return reply.body().get("key").asText();
    }

    private static Reply call(Request request) {
        try (Response response = ProxyClients.http().newCall(request).execute()) {
            String text = response.body().string();
            return new Reply(response.code(), text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
