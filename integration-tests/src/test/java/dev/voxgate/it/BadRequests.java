package dev.voxgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The bad requests of {@link BadInputIT}, each with the status, {@code param} and message the proxy answers it with.
 * Requests carry the right key unless the case is about the key.
 */
final class BadRequests {

    /**
     * One bad request and its expected refusal.
     *
     * @param description what is wrong, as the test names it
     * @param status      the HTTP status the proxy answers
     * @param param       the {@code error.param} it names; null when no one field is to blame
     * @param messagePart a phrase of {@code error.message}
     * @param request     builds the request against a running proxy
     */
    record Case(String description, int status, String param, String messagePart,
                Function<BadRequests, Request> request) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final String KEY = "Bearer sk-1234";
    private static final MediaType WAV = MediaType.get("audio/wav");

    static final List<Case> CASES = List.of(
            new Case("JSON instead of a form", 400, null, "multipart/form-data",
                    r -> r.post("application/json", "{\"model\":\"whisper\"}")),
            new Case("plain text instead of a form", 400, null, "multipart/form-data",
                    r -> r.post("text/plain", "model=whisper")),
            new Case("multipart without a boundary", 400, null, "names no boundary",
                    r -> r.post("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n"
                            + "whisper\r\n--x--\r\n")),
            new Case("multipart whose parts never end", 400, null, "ended before its closing boundary",
                    r -> r.post("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; "
                            + "name=\"model\"\r\n\r\nwhisper")),
            new Case("multipart that is noise", 400, null, "could not be read",
                    r -> r.post("multipart/form-data; boundary=x", "\u0000\u0001garbage--y\r\n\r\n")),
            new Case("no file", 400, "file", "Missing 'file'", r -> r.form(r.fields("model", "whisper"))),
            new Case("two files", 400, "file", "exactly one 'file' part",
                    r -> r.form(r.withAudio(r.withAudio(r.fields("model", "whisper"))))),
            new Case("a file sent as a text field (curl without the @)", 400, "file", "arrived as a text field",
                    r -> r.form(r.fields("model", "whisper").addFormDataPart("file", null,
                            RequestBody.create(r.audio(), WAV)))),
            new Case("an empty file", 400, "file", "is empty",
                    r -> r.form(r.fields("model", "whisper").addFormDataPart("file", "speech.wav",
                            RequestBody.create(new byte[0], WAV)))),
            new Case("a PDF sent as audio", 400, "file", "is not audio in a known format",
                    r -> r.form(r.fields("model", "whisper").addFormDataPart("file", "speech.mp3",
                            RequestBody.create("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.UTF_8), WAV)))),
            new Case("a 100 000-character prompt", 400, "prompt", "at most 65536",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "prompt", "p".repeat(100_000))))),
            new Case("a huge vendor parameter", 400, "diarize", "'diarize' is 200000 characters long",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "diarize", "d".repeat(200_000))))),
            new Case("2 MiB of text fields", 413, null, "text fields are larger than this proxy accepts",
                    r -> r.form(r.withAudio(r.manyFields(40, 60_000)))),
            new Case("an unknown response_format", 400, "response_format", "Unknown response_format 'docx'",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "response_format", "docx")))),
            new Case("a temperature that is no number", 400, "temperature", "got 'warm'",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "temperature", "warm")))),
            new Case("a temperature out of range", 400, "temperature", "between 0 and 1",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "temperature", "1.5")))),
            new Case("an unknown timestamp granularity", 400, "timestamp_granularities[]", "word or segment",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "timestamp_granularities[]", "char")))),
            new Case("streaming", 400, "stream", "stream=false",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "stream", "true")))),
            new Case("model sent twice", 400, "model", "sent 2 times",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "model", "whisper")))),
            new Case("an unknown model", 404, "model", "model=whisper-large-v9",
                    r -> r.form(r.withAudio(r.fields("model", "whisper-large-v9")))),
            new Case("a model climbing out of its path", 404, "model", "Invalid model name",
                    r -> r.form(r.withAudio(r.fields("model", "../../../etc/passwd")))),
            new Case("a model with an encoded slash", 404, "model", "whisper%2F..%2Fadmin",
                    r -> r.form(r.withAudio(r.fields("model", "whisper%2F..%2Fadmin")))),
            new Case("a model with a NUL inside", 400, "model", "control characters",
                    r -> r.form(r.withAudio(r.fields("model", "whis\u0000per")))),
            new Case("a model that forges a log line", 400, "model", "control characters",
                    r -> r.form(r.withAudio(r.fields("model", "x\n2026-01-01 INFO admin logged in")))),
            new Case("a 10 000-character model", 400, "model", "longer than 256",
                    r -> r.form(r.withAudio(r.fields("model", "w".repeat(10_000))))),
            new Case("a fallback with a line break", 400, "fallbacks", "control characters",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "fallbacks[]", "a\nb")))),
            new Case("metadata that is not JSON", 400, "metadata", "is not valid JSON",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "metadata", "{tags: [a")))),
            new Case("metadata that is a JSON list", 400, "metadata", "must be a JSON object",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "metadata", "[1,2]")))),
            new Case("a client-chosen api_base", 400, "api_base", "cannot be set by a client",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "api_base", "http://169.254.169.254/")))),
            new Case("a client-chosen api_key", 400, "api_key", "cannot be set by a client",
                    r -> r.form(r.withAudio(r.fields("model", "whisper", "api_key", "sk-mine")))),
            new Case("no key", 401, null, "Missing API key",
                    r -> r.withKey(r.form(r.withAudio(r.fields("model", "whisper"))), null)),
            new Case("a wrong key", 401, null, "Invalid API key",
                    r -> r.withKey(r.form(r.withAudio(r.fields("model", "whisper"))), "Bearer sk-12345")),
            new Case("a 4 KiB key", 401, null, "Invalid API key",
                    r -> r.withKey(r.form(r.withAudio(r.fields("model", "whisper"))), "Bearer " + "k".repeat(4096))),
            new Case("a 64 KiB authorization header", 431, null, "too large",
                    r -> r.withKey(r.form(r.withAudio(r.fields("model", "whisper"))), "Bearer " + "k".repeat(65_536))),
            new Case("an upload over 25 MiB", 413, "file", "larger than this proxy accepts",
                    r -> r.form(r.fields("model", "whisper").addFormDataPart("file", "long.wav",
                            RequestBody.create(r.hugeAudio(), WAV)))),
            new Case("a GET of the upload route", 404, null, "Unknown route GET /v1/audio/transcriptions",
                    r -> new Request.Builder().url(r.url()).header("Authorization", KEY).build()));

    private final String baseUrl;
    private final byte[] audio;

    BadRequests(String baseUrl, Path wav) {
        this.baseUrl = baseUrl;
        try {
            this.audio = Files.readAllBytes(wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request the proxy transcribes. */
    Request good() {
        return form(withAudio(fields("model", "whisper")));
    }

    /** The head of a multipart POST that announces {@code length} bytes of body. */
    String headersPromising(int length, String authorization) {
        return "POST /v1/audio/transcriptions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                + "\r\nContent-Type: multipart/form-data; boundary=cut\r\nContent-Length: " + length + "\r\n\r\n";
    }

    String url() {
        return baseUrl + "/v1/audio/transcriptions";
    }

    byte[] audio() {
        return audio;
    }

    byte[] hugeAudio() {
        byte[] huge = new byte[26 * 1024 * 1024];
        System.arraycopy(audio, 0, huge, 0, audio.length);
        return huge;
    }

    MultipartBody.Builder fields(String... namesAndValues) {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.addFormDataPart(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    MultipartBody.Builder manyFields(int count, int length) {
        MultipartBody.Builder form = fields("model", "whisper");
        for (int i = 0; i < count; i++) {
            form.addFormDataPart("extra_" + i, "e".repeat(length));
        }
        return form;
    }

    MultipartBody.Builder withAudio(MultipartBody.Builder form) {
        return form.addFormDataPart("file", "speech.wav", RequestBody.create(audio, WAV));
    }

    Request form(MultipartBody.Builder form) {
        return new Request.Builder().url(url()).header("Authorization", KEY).post(form.build()).build();
    }

    Request post(String contentType, String body) {
        return new Request.Builder().url(url()).header("Authorization", KEY)
                .post(RequestBody.create(body, MediaType.get(contentType))).build();
    }

    Request withKey(Request request, String authorization) {
        Request.Builder builder = request.newBuilder().removeHeader("Authorization");
        return authorization == null ? builder.build() : builder.header("Authorization", authorization).build();
    }
}
