package dev.voxgate.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.BufferedSink;

/**
 * A loopback stand-in for OpenAI's or Azure OpenAI's transcription endpoint that refuses what the vendor refuses:
 * wrong path, missing or wrong key, a body that is not multipart, a form without {@code file} or with unknown
 * fields, a missing {@code api-version}, an unknown Azure deployment. It answers like the vendor, in each
 * {@code response_format}, and records every request it accepted.
 */
final class FakeSpeechVendor extends LoopbackVendor {

    enum Flavor {
        OPENAI("/v1"), GROQ("/openai/v1"), AZURE("");

        private final String basePath;

        Flavor(String basePath) {
            this.basePath = basePath;
        }
    }

    /** A request the fake accepted: where it went, its headers, its text fields and its file. */
    record SeenRequest(String target, Map<String, String> headers, Map<String, List<String>> fields,
                       String filename, String fileContentType, byte[] fileBytes) {
    }

    private static final Pattern AZURE_PATH =
            Pattern.compile("/openai/deployments/([^/]+)/audio/(transcriptions|translations)");
    private static final Set<String> OPENAI_FIELDS = Set.of("file", "model", "language", "prompt", "response_format",
            "temperature", "timestamp_granularities[]", "include[]", "stream", "chunking_strategy",
            "chunking_strategy[type]", "chunking_strategy[prefix_padding_ms]", "chunking_strategy[silence_duration_ms]",
            "chunking_strategy[threshold]", "known_speaker_names[]", "known_speaker_references[]");
    // gpt-transcribe: languages[] instead of language, literal keywords[], no timestamps nor temperature.
    private static final Set<String> GPT_TRANSCRIBE_FIELDS = Set.of("file", "model", "prompt", "response_format",
            "keywords[]", "languages[]", "stream");
    // OpenAI's translation request: no language, no granularities, no stream.
    private static final Set<String> TRANSLATION_FIELDS = Set.of("file", "model", "prompt", "response_format",
            "temperature");

    private final Flavor flavor;
    private final String apiKey;
    private final Set<String> azureDeployments;
    private final String transcript;
    private final List<SeenRequest> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<MockResponse> forcedAnswer = new AtomicReference<>();
    private final AtomicInteger forcedTimes = new AtomicInteger();
    private final CountDownLatch streamGate = new CountDownLatch(1);
    private volatile boolean listening;
    private volatile String failingWord;

    private FakeSpeechVendor(Flavor flavor, String apiKey, Set<String> azureDeployments, String transcript) {
        this.flavor = flavor;
        this.apiKey = apiKey;
        this.azureDeployments = azureDeployments;
        this.transcript = transcript;
    }

    /** What a translation answer starts with, before the transcript. */
    static final String TRANSLATED = "[en] ";

    static FakeSpeechVendor openAi(String apiKey, String transcript) {
        return new FakeSpeechVendor(Flavor.OPENAI, apiKey, Set.of(), transcript);
    }

    /** Groq's OpenAI-compatible API: under {@code /openai/v1}, with an {@code x_groq} object in JSON answers. */
    static FakeSpeechVendor groq(String apiKey, String transcript) {
        return new FakeSpeechVendor(Flavor.GROQ, apiKey, Set.of(), transcript);
    }

    static FakeSpeechVendor azure(String apiKey, String transcript, String... deployments) {
        return new FakeSpeechVendor(Flavor.AZURE, apiKey, Set.of(deployments), transcript);
    }

    /** The vendor's base URL: OpenAI's {@code …/v1}, Groq's {@code …/openai/v1}, or Azure's resource endpoint. */
    String baseUrl() {
        return root(flavor.basePath);
    }

    /** From now on, every request (after its checks) gets this status and JSON body instead of a transcript. */
    void failWith(int status, String jsonBody) {
        failTimes(Integer.MAX_VALUE, status, jsonBody);
    }

    /** The next {@code times} requests (after their checks) get this status and JSON body; later ones succeed. */
    void failTimes(int times, int status, String jsonBody) {
        forcedAnswer.set(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(jsonBody).build());
        forcedTimes.set(times);
    }

    /**
     * From now on it hears the {@link ToneSpeech} in each upload and answers with those words (json, verbose_json);
     * an upload that is no 16 kHz 16-bit mono PCM WAV is refused with 400.
     */
    FakeSpeechVendor listening() {
        this.listening = true;
        return this;
    }

    /** While listening, an upload in which {@code word} is heard is answered 503. */
    void failWhenHeard(String word) {
        this.failingWord = word;
    }

    /** Requests the fake accepted, in order. */
    List<SeenRequest> seen() {
        return List.copyOf(seen);
    }

    @Override
    protected MockResponse answer(RecordedRequest request) {
        Optional<MockResponse> refusal = flavor == Flavor.AZURE ? checkAzure(request) : checkOpenAi(request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SeenRequest parsed;
        try {
            parsed = parse(request);
        } catch (IOException | IllegalArgumentException e) {
            return error(400, "Could not parse multipart form: " + e.getMessage());
        }
        if (parsed.filename() == null || parsed.fileBytes().length == 0) {
            return error(400, "Missing file: you must provide a file");
        }
        boolean translation = request.getUrl().encodedPath().endsWith("/audio/translations");
        boolean gptTranscribe = first(parsed, "model").filter("gpt-transcribe"::equals).isPresent();
        Set<String> accepted = translation ? TRANSLATION_FIELDS : gptTranscribe ? GPT_TRANSCRIBE_FIELDS
                : OPENAI_FIELDS;
        if (gptTranscribe) {
            Optional<MockResponse> gptRefusal = checkGptTranscribe(parsed);
            if (gptRefusal.isPresent()) {
                return gptRefusal.get();
            }
        }
        Optional<String> unknown = parsed.fields().keySet().stream()
                .filter(name -> !accepted.contains(name)).findFirst();
        if (flavor != Flavor.AZURE && unknown.isPresent()) {
            return error(400, "Unrecognized request argument supplied: " + unknown.get());
        }
        if (flavor != Flavor.AZURE && !parsed.fields().containsKey("model")) {
            return error(400, "you must provide a model parameter");
        }
        seen.add(parsed);
        MockResponse forced = forcedAnswer.get();
        if (forced != null && forcedTimes.getAndDecrement() > 0) {
            return forced;
        }
        if (first(parsed, "stream").filter("true"::equals).isPresent()) {
            return streamed();
        }
        if (listening) {
            return heard(first(parsed, "response_format").orElse("json"), parsed.fileBytes());
        }
        return translation ? json("{\"text\":\"" + TRANSLATED + transcript + "\"}")
                : transcript(first(parsed, "response_format").orElse("json"), parsed.fileBytes());
    }

    // As OpenAI reports it: an entry with <, > or a line break fails the whole request; only json and text answers.
    private static Optional<MockResponse> checkGptTranscribe(SeenRequest parsed) {
        if (parsed.fields().getOrDefault("keywords[]", List.of()).stream()
                .anyMatch(keyword -> keyword.matches("(?s).*[<>\\n].*"))) {
            return Optional.of(error(400, "Invalid value for 'keywords': entries may not contain '<', '>' or "
                    + "line breaks."));
        }
        String format = first(parsed, "response_format").orElse("json");
        if (!format.equals("json") && !format.equals("text")) {
            return Optional.of(error(400, "response_format '" + format + "' is not compatible with model "
                    + "'gpt-transcribe'. Use 'json' or 'text'."));
        }
        return Optional.empty();
    }

    private Optional<MockResponse> checkOpenAi(RecordedRequest request) {
        String target = request.getTarget();
        if (!request.getMethod().equals("POST") || !(target.equals(flavor.basePath + "/audio/transcriptions")
                || target.equals(flavor.basePath + "/audio/translations"))) {
            return Optional.of(error(404, "Invalid URL (" + request.getMethod() + " " + request.getTarget() + ")"));
        }
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.equals("Bearer " + apiKey)) {
            return Optional.of(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"Incorrect API key provided: " + authorization
                            + ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")
                    .build());
        }
        return Optional.empty();
    }

    private Optional<MockResponse> checkAzure(RecordedRequest request) {
        Matcher path = AZURE_PATH.matcher(request.getUrl().encodedPath());
        String version = request.getUrl().queryParameter("api-version");
        if (!request.getMethod().equals("POST") || !path.matches() || version == null) {
            return Optional.of(azureError(404, "404", "Resource not found"));
        }
        if (!apiKey.equals(request.getHeaders().get("api-key"))) {
            return Optional.of(azureError(401, "401", "Access denied due to invalid subscription key or wrong API "
                    + "endpoint. Make sure to provide a valid key for an active subscription and use a correct "
                    + "regional API endpoint for your resource."));
        }
        if (!azureDeployments.contains(path.group(1))) {
            return Optional.of(azureError(404, "DeploymentNotFound", "The API deployment for this resource does not "
                    + "exist. If you created the deployment within the last 5 minutes, please wait a moment and try "
                    + "again."));
        }
        return Optional.empty();
    }

    /** Lets a streamed answer go on past its first event. */
    void releaseStream() {
        streamGate.countDown();
    }

    // OpenAI's stream: the first word at once, then, once released, the rest and the done event.
    private MockResponse streamed() {
        String[] words = transcript.split(" ");
        MockResponseBody body = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(delta(words[0])).flush();
                try {
                    streamGate.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 1; i < words.length; i++) {
                    sink.writeUtf8(delta(" " + words[i]));
                }
                sink.writeUtf8("data: {\"type\":\"transcript.text.done\",\"text\":\"" + transcript + "\",\"usage\":"
                        + "{\"type\":\"tokens\",\"input_tokens\":14,\"output_tokens\":7,\"total_tokens\":21}}\n\n").flush();
            }
        };
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static String delta(String text) {
        return "data: {\"type\":\"transcript.text.delta\",\"delta\":\"" + text + "\"}\n\n";
    }

    private MockResponse transcript(String format, byte[] audio) {
        String text = transcript;
        long billed = (long) Math.ceil(wavSeconds(audio).orElse(5.92));
        return switch (format) {
            case "text" -> plain(text + "\n");
            case "srt" -> plain("1\n00:00:00,000 --> 00:00:05,920\n" + text + "\n\n");
            case "vtt" -> plain("WEBVTT\n\n00:00:00.000 --> 00:00:05.920\n" + text + "\n\n");
            case "verbose_json" -> json("{\"task\":\"transcribe\",\"language\":\"english\",\"duration\":5.92,"
                    + "\"text\":\"" + text + "\",\"segments\":[{\"id\":0,\"seek\":0,\"start\":0.0,\"end\":5.92,"
                    + "\"text\":\" " + text + "\",\"tokens\":[50364,440],\"temperature\":0.0,\"avg_logprob\":-0.28,"
                    + "\"compression_ratio\":1.2,\"no_speech_prob\":0.01}],\"usage\":{\"type\":\"duration\","
                    + "\"seconds\":6}}");
            default -> json(flavor == Flavor.GROQ
                    ? "{\"text\":\"" + text + "\",\"x_groq\":{\"id\":\"req_01jfake\"}}"
                    : "{\"text\":\"" + text + "\",\"usage\":{\"type\":\"duration\",\"seconds\":" + billed + "}}");
        };
    }

    private MockResponse heard(String format, byte[] audio) {
        List<ToneSpeech.Word> words;
        try {
            words = ToneSpeech.hear(audio);
        } catch (IllegalArgumentException e) {
            return error(400, "Audio file might be corrupted or unsupported: " + e.getMessage());
        }
        if (failingWord != null && words.stream().anyMatch(word -> word.word().equals(failingWord))) {
            return error(503, "The server is overloaded or not ready yet.");
        }
        long billed = (long) Math.ceil(ToneSpeech.seconds(audio).orElse(0));
        return switch (format) {
            case "json" -> json("{\"text\":\"" + ToneSpeech.text(words) + "\",\"usage\":{\"type\":\"duration\","
                    + "\"seconds\":" + billed + "}}");
            case "verbose_json" -> json(ToneSpeech.verboseJson(audio));
            default -> error(400, "this fake hears json and verbose_json only, not " + format);
        };
    }

    private static MockResponse plain(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain; charset=utf-8")
                .body(body).build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse error(int status, String message) {
        return json(status, "{\"error\":{\"message\":\"" + message.replace("\"", "'")
                + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
    }

    private static MockResponse azureError(int status, String code, String message) {
        return json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static Optional<String> first(SeenRequest request, String field) {
        return request.fields().getOrDefault(field, List.of()).stream().findFirst();
    }

    private static SeenRequest parse(RecordedRequest request) throws IOException {
        MediaType type = MediaType.parse(String.valueOf(request.getHeaders().get("Content-Type")));
        if (type == null || !type.type().equals("multipart") || !type.subtype().equals("form-data")
                || type.parameter("boundary") == null) {
            throw new IllegalArgumentException("Content-Type must be multipart/form-data with a boundary");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String filename = null;
        String fileType = null;
        byte[] fileBytes = new byte[0];
        Buffer body = new Buffer().write(request.getBody() == null ? okio.ByteString.EMPTY : request.getBody());
        try (MultipartReader reader = new MultipartReader(body, type.parameter("boundary"))) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = String.valueOf(part.headers().get("Content-Disposition"));
                String name = attribute(disposition, "name");
                String partFilename = attribute(disposition, "filename");
                if (name.equals("file") && partFilename != null) {
                    filename = partFilename;
                    fileType = part.headers().get("Content-Type");
                    fileBytes = part.body().readByteArray();
                } else {
                    fields.computeIfAbsent(name, key -> new ArrayList<>()).add(part.body().readUtf8());
                }
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(header -> headers.put(header.getFirst().toLowerCase(), header.getSecond()));
        return new SeenRequest(request.getTarget(), headers, fields, filename, fileType, fileBytes);
    }

    private static String attribute(String disposition, String name) {
        Matcher matcher = Pattern.compile("(?:^|;)\\s*" + name + "=\"([^\"]*)\"").matcher(disposition);
        return matcher.find() ? matcher.group(1) : null;
    }
}
