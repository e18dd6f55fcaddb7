package dev.voxgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Secret;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code --proxy URL [--api-key KEY]}: each file sent to a running Voxgate proxy (or any OpenAI-compatible
 * {@code /v1/audio/transcriptions}) as OpenAI's multipart form, the audio streamed from disk. The proxy routes,
 * retries and renders; its body is written as it came, and its {@code x-voxgate-response-cost} is the file's cost.
 *
 * <p>Thread-safe.
 */
final class ProxyTranscriber implements Transcriber {

    static final String COST_HEADER = "x-voxgate-response-cost";
    // A long recording can take the vendor minutes; the proxy's own deadlines decide when to give up.
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(15);

    private final HttpUrl base;
    private final Optional<Secret> apiKey;
    private final OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
            .readTimeout(READ_TIMEOUT).writeTimeout(READ_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param url    the proxy's address, with or without its {@code /v1}
     * @param apiKey its master key; none for a proxy that has none
     * @throws IllegalArgumentException when {@code url} is not an http(s) URL
     */
    ProxyTranscriber(String url, Optional<Secret> apiKey) {
        HttpUrl parsed = HttpUrl.parse(url.endsWith("/") ? url : url + "/");
        if (parsed == null) {
            throw new IllegalArgumentException("--proxy must be an http:// or https:// URL, got '" + url + "'");
        }
        this.base = parsed.encodedPath().endsWith("/v1/") ? parsed : parsed.resolve("v1/");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String describe() {
        return "proxy " + base;
    }

    /** The proxy's {@code GET /v1/models}; a wrong key or address ends the batch before any file is sent. */
    @Override
    public List<String> modelGroups() {
        Request request = authorized(base.resolve("models")).get().build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new FileFailed("the proxy at " + base + " answered GET /v1/models with " + problem(response,
                        body), true);
            }
            List<String> groups = new ArrayList<>();
            json.readTree(body).path("data").forEach(model -> groups.add(model.path("id").asText()));
            return groups;
        } catch (IOException e) {
            throw new FileFailed("could not reach the proxy at " + base + ": " + e.getMessage(), true);
        }
    }

    @Override
    public Answer transcribe(Path file, Ask ask) {
        String name = file.getFileName().toString();
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", name, RequestBody.create(file.toFile(),
                        MediaType.get(AudioInput.contentTypeFor(name))))
                .addFormDataPart("model", ask.model())
                .addFormDataPart("response_format", ask.format().wireName());
        ask.language().ifPresent(language -> form.addFormDataPart("language", language));
        Request request = authorized(base.resolve("audio/transcriptions")).post(form.build()).build();
        try (Response response = http.newCall(request).execute()) {
            String body = new String(response.body().bytes(), StandardCharsets.UTF_8);
            if (!response.isSuccessful()) {
                // 401 is the key and 404 the model or the address: every other file would be refused alike.
                throw new FileFailed("the proxy answered " + problem(response, body),
                        response.code() == 401 || response.code() == 404);
            }
            return new Answer(body, Optional.empty(), cost(response.header(COST_HEADER)));
        } catch (IOException e) {
            throw new FileFailed("could not reach the proxy at " + base + ": " + e.getMessage(), false);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Request.Builder authorized(HttpUrl url) {
        Request.Builder request = new Request.Builder().url(url);
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key.reveal()));
        return request;
    }

    // OpenAI's error shape, {"error":{"message":...}}, as the proxy answers every failure; the key is never in it.
    private String problem(Response response, String body) {
        String message;
        try {
            JsonNode error = json.readTree(body).path("error");
            message = error.path("message").asText(body);
        } catch (IOException e) {
            message = body;
        }
        for (Secret key : apiKey.stream().toList()) {
            message = message.replace(key.reveal(), "***");
        }
        message = message.strip();
        String hint = response.code() == 401 && apiKey.isEmpty() ? " (give its key with --api-key or $"
                + TranscribeCommand.API_KEY_VARIABLE + ")" : "";
        return response.code() + (message.isEmpty() ? "" : ": " + message) + hint;
    }

    private static BigDecimal cost(String header) {
        try {
            return header == null ? BigDecimal.ZERO : new BigDecimal(header.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
