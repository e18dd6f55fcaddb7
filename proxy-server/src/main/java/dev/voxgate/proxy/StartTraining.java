package dev.voxgate.proxy;

import dev.voxgate.core.EnvironmentSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The training run of the JVM's ahead-of-time cache ({@code -XX:AOTCacheOutput}, JDK 25+), which the build makes
 * with {@code java -XX:AOTCacheOutput=voxgate-proxy.aot -cp voxgate-proxy.jar dev.voxgate.proxy.StartTraining WAV}:
 * it starts the proxy as {@code bin/voxgate-proxy} does, once without a config (the offline engine) and once on a
 * cloud config whose OpenAI and Groq deployments point back at the first proxy, serves a transcription through
 * each and the health, model and metrics routes, and stops both. The classes loaded, linked and profiled on the way
 * are what the cache holds, so a start with it skips that work. Exits 0 when every answer was 200, else 1 (the
 * build then keeps no cache).
 *
 * <p>Not thread-safe; runs once in its own JVM.
 */
public final class StartTraining {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(60, TimeUnit.SECONDS).build();

    private StartTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StartTraining AUDIO.wav");
            System.exit(2);
        }
        Path audio = Path.of(args[0]);
        ProxyMain.withoutGuiceClassGeneration();
        // The training's own lines would only clutter the build's output; its failures go to stderr.
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        boolean served;
        try (ProxyServer local = ProxyMain.launch(CommandLine.parse("--host", "127.0.0.1", "--port", "0"),
                EnvironmentSource.system(), quiet)) {
            String localBase = "http://127.0.0.1:" + local.port();
            served = exercise(localBase, "local", audio, "");
            Path config = cloudConfig(localBase);
            EnvironmentSource keys = EnvironmentSource.of(Map.of("OPENAI_API_KEY", "sk-training",
                    "GROQ_API_KEY", "gsk-training", "DEEPGRAM_API_KEY", "dg-training"));
            try (ProxyServer cloud = ProxyMain.launch(CommandLine.parse("--config", config.toString(),
                    "--host", "127.0.0.1", "--port", "0"), keys, quiet)) {
                String cloudBase = "http://127.0.0.1:" + cloud.port();
                served &= exercise(cloudBase, "whisper", audio, "sk-training-master");
                served &= exercise(cloudBase, "groq", audio, "sk-training-master");
            } finally {
                Files.deleteIfExists(config);
            }
        }
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
        // The cache is written as the JVM exits; the proxies' own threads must not hold it open.
        System.exit(served ? 0 : 1);
    }

    private static boolean exercise(String base, String group, Path audio, String masterKey) throws IOException {
        boolean served = true;
        for (String path : new String[] {"/health/liveliness", "/health/readiness", "/v1/models", "/model/info",
                "/metrics", "/ui"}) {
            served &= call(new Request.Builder().url(base + path), masterKey);
        }
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", group)
                .addFormDataPart("file", audio.getFileName().toString(),
                        RequestBody.create(Files.readAllBytes(audio), MediaType.get("audio/wav")))
                .build();
        served &= call(new Request.Builder().url(base + "/v1/audio/transcriptions").post(form), masterKey);
        return served;
    }

    private static boolean call(Request.Builder request, String masterKey) throws IOException {
        if (!masterKey.isEmpty()) {
            request.header("Authorization", "Bearer " + masterKey);
        }
        Request built = request.build();
        try (Response response = HTTP.newCall(built).execute()) {
            response.body().bytes();
            if (response.code() != 200) {
                System.err.println("StartTraining: " + built.method() + " " + built.url() + " answered "
                        + response.code());
                return false;
            }
            return true;
        }
    }

    // Vendors of the cloud config's kinds, two of them served by the offline proxy through its OpenAI-shaped route.
    private static Path cloudConfig(String localBase) {
        try {
            Path file = Files.createTempFile("voxgate-training-", ".yaml");
            Files.writeString(file, """
                    model_list:
                      - model_name: whisper
                        litellm_params: {model: openai/local, api_key: os.environ/OPENAI_API_KEY, api_base: "%1$s/v1"}
                      - model_name: groq
                        litellm_params: {model: groq/local, api_key: os.environ/GROQ_API_KEY, api_base: "%1$s/v1"}
                      - model_name: nova
                        litellm_params: {model: deepgram/nova-3, api_key: os.environ/DEEPGRAM_API_KEY,
                                         api_base: "%1$s"}
                    general_settings: {master_key: sk-training-master}
                    """.formatted(localBase));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
