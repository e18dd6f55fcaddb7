package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract other tools rely on: {@code java -jar proxy-server/target/voxgate-proxy.jar --config FILE …}. */
class ProxyJarIT {

    private static final Pattern LISTENING = Pattern.compile("Voxgate listening on http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void jarStartsOnAConfigAndSaysWhereItListensAndWhatItServes() throws Exception {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi("sk-openai-jar-test", "jar transcript")) {
            Process proxy = start(Map.of("OPENAI_API_KEY", "sk-openai-jar-test", "OPENAI_API_BASE", openAi.baseUrl()),
                    "--config", Examples.config("whisper-openai.yaml").toString(), "--host", "127.0.0.1",
                    "--port", "0");
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> lines = new ArrayList<>();
                int port = readUntilListening(out, lines);
                lines.add(out.readLine());

                var models = ProxyClients.call(new Request.Builder().url("http://127.0.0.1:" + port + "/v1/models")
                        .header("Authorization", "Bearer sk-1234").build());

                assertThat(lines).anyMatch(line -> line.contains("model group whisper -> openai/whisper-1"));
                assertThat(models.status()).isEqualTo(200);
                assertThat(models.body()).contains("\"id\":\"whisper\"").contains("\"object\":\"list\"");
            } finally {
                proxy.destroy();
                assertThat(proxy.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void jarWithoutAConfigTranscribesWithTheBuiltInModel() throws Exception {
        Path cache = Examples.root().resolve("integration-tests/target/voxgate-cache-jar");
        Process proxy = start(Map.of("VOXGATE_CACHE_DIR", cache.toString()), "--host", "127.0.0.1", "--port", "0");
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            int port = readUntilListening(out, lines);
            lines.add(out.readLine());

            Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "60",
                    "http://127.0.0.1:" + port + "/v1/audio/transcriptions",
                    "--form", "file=@" + Examples.audio("quick-brown-fox.wav"),
                    "--form", "model=local").redirectErrorStream(true).start();
            String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(curl.waitFor()).isZero();
            assertThat(answer).contains("\"text\":\"the quick brown fox jumps over the lazy dog\"");
            assertThat(lines).anyMatch(line -> line.contains("No --config given"))
                    .anyMatch(line -> line.contains("model group local -> local/vosk-en"))
                    .noneMatch(line -> line.contains("WARNING"));
        } finally {
            proxy.destroy();
            assertThat(proxy.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void jarRefusesAConfigWithAMissingVariableNamingFileLineAndKey() throws Exception {
        Process proxy = start(Map.of(), "--config", Examples.config("whisper-openai.yaml").toString(), "--port", "0");

        assertThat(proxy.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(proxy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proxy.exitValue()).isNotZero();
        assertThat(output).contains("whisper-openai.yaml:6:").contains("model_list[0].litellm_params.api_key")
                .contains("OPENAI_API_KEY");
    }

    @Test
    void jarRefusesUnknownOptionsWithUsage(@TempDir Path dir) throws Exception {
        Process proxy = start(Map.of(), "--confgi", dir.resolve("x.yaml").toString());

        assertThat(proxy.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(proxy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proxy.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown option --confgi").contains("Usage: java -jar voxgate-proxy.jar");
    }

    private static Process start(Map<String, String> environment, String... args) throws IOException {
        Path jar = Examples.root().resolve("proxy-server/target/voxgate-proxy.jar");
        assertThat(jar).as("run mvn verify: the proxy jar is built before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("AZURE_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int readUntilListening(BufferedReader out, List<String> lines) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("the proxy exited without listening: " + lines);
    }
}
