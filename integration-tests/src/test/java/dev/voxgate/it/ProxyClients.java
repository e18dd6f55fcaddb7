package dev.voxgate.it;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The clients the end-to-end tests call the proxy with: the official OpenAI SDK, and raw OkHttp for odd input. */
final class ProxyClients {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    private ProxyClients() {
    }

    /** The answer as a test sees it. */
    record Answer(int status, String contentType, String body, String retryAfter, Headers headers) {
        /** The value of response header {@code name}, or null. */
        String header(String name) {
            return headers.get(name);
        }
    }

    /** The raw HTTP client the tests share. */
    static OkHttpClient http() {
        return HTTP;
    }

    static OpenAIClient openAi(RunningProxy proxy, String key) {
        return OpenAIOkHttpClient.builder().apiKey(key).baseUrl(proxy.baseUrl() + "/v1").maxRetries(0).build();
    }

    /** A multipart POST to {@code path} with the audio as {@code file} and the given text fields. */
    static Answer postTranscription(RunningProxy proxy, String path, String authorization, Path audio,
                                    Map<String, String> fields) {
        return postTranscription(proxy.baseUrl(), path, authorization, audio, fields, Map.of());
    }

    /** As above, with extra request headers. */
    static Answer postTranscription(RunningProxy proxy, String path, String authorization, Path audio,
                                    Map<String, String> fields, Map<String, String> headers) {
        return postTranscription(proxy.baseUrl(), path, authorization, audio, fields, headers);
    }

    /** The same against a proxy at {@code baseUrl} ({@code http://127.0.0.1:PORT}). */
    static Answer postTranscription(String baseUrl, String path, String authorization, Path audio,
                                    Map<String, String> fields, Map<String, String> headers) {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        if (audio != null) {
            form.addFormDataPart("file", audio.getFileName().toString(),
                    RequestBody.create(audio.toFile(), MediaType.get("audio/wav")));
        }
        fields.forEach(form::addFormDataPart);
        Request.Builder request = new Request.Builder().url(baseUrl + path).post(form.build());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        return call(request.build());
    }

    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static Answer call(Request request) {
        return call(HTTP, request);
    }

    /** A GET of {@code path} with {@code key} as the Bearer token, or with no key when it is null. */
    static Answer get(RunningProxy proxy, String path, String key) {
        Request.Builder request = new Request.Builder().url(proxy.baseUrl() + path);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return call(request.build());
    }

    /**
     * A multipart POST as {@link #postTranscription}, waiting up to {@code patience} for the answer: the local engine
     * may rightly keep a request waiting for a decode slot.
     */
    static Answer postTranscription(RunningProxy proxy, Path audio, Map<String, String> fields, Duration patience) {
        return postTranscription(proxy.baseUrl(), audio, fields, patience);
    }

    /** The same against a proxy at {@code baseUrl} ({@code http://127.0.0.1:PORT}). */
    static Answer postTranscription(String baseUrl, Path audio, Map<String, String> fields, Duration patience) {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", audio.getFileName().toString(),
                        RequestBody.create(audio.toFile(), MediaType.get("audio/wav")));
        fields.forEach(form::addFormDataPart);
        OkHttpClient patient = HTTP.newBuilder().callTimeout(patience).readTimeout(patience).build();
        return call(patient, new Request.Builder().url(baseUrl + "/v1/audio/transcriptions")
                .post(form.build()).build());
    }

    private static Answer call(OkHttpClient http, Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.header("Content-Type"), response.body().string(),
                    response.header("Retry-After"), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
