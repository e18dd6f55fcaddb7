package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract other tools rely on: {@code java -jar proxy-server/target/voxgate-proxy.jar --config FILE …}. */
class ProxyJarIT {

    @Test
    void jarStartsOnAConfigAndSaysWhereItListensAndWhatItServes() throws Exception {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi("sk-openai-jar-test", "jar transcript");
             ProxyProcess proxy = ProxyProcess.start(List.of(), Map.of("OPENAI_API_KEY", "sk-openai-jar-test",
                     "OPENAI_API_BASE", openAi.baseUrl()), "--config", Examples.config("whisper-openai.yaml").toString(),
                     "--host", "127.0.0.1", "--port", "0")) {
            int port = proxy.awaitPort(Duration.ofSeconds(60));
            proxy.awaitOutput("model group whisper", Duration.ofSeconds(10));

            var models = ProxyClients.call(new Request.Builder().url("http://127.0.0.1:" + port + "/v1/models")
                    .header("Authorization", "Bearer sk-1234").build());

            assertThat(proxy.output()).anyMatch(line -> line.contains("model group whisper -> openai/whisper-1"));
            assertThat(models.status()).isEqualTo(200);
            assertThat(models.body()).contains("\"id\":\"whisper\"").contains("\"object\":\"list\"");
            // The console's files travel inside the jar.
            for (String asset : List.of("/ui", "/ui/main.js", "/ui/console.css")) {
                var file = ProxyClients.call(new Request.Builder().url("http://127.0.0.1:" + port + asset).build());
                assertThat(file.status()).as(asset).isEqualTo(200);
                assertThat(file.body()).as(asset).isNotBlank();
            }
        }
    }

    @Test
    void jarWithoutAConfigTranscribesWithTheBuiltInModel() throws Exception {
        Path cache = Examples.root().resolve("integration-tests/target/voxgate-cache-jar");
        try (ProxyProcess proxy = ProxyProcess.start(List.of(), Map.of("VOXGATE_CACHE_DIR", cache.toString()),
                "--host", "127.0.0.1", "--port", "0")) {
            int port = proxy.awaitPort(Duration.ofSeconds(120));
            proxy.awaitOutput("model group local", Duration.ofSeconds(10));

            Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "60",
                    "http://127.0.0.1:" + port + "/v1/audio/transcriptions",
                    "--form", "file=@" + Examples.audio("quick-brown-fox.wav"),
                    "--form", "model=local").redirectErrorStream(true).start();
            String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(curl.waitFor()).isZero();
            assertThat(answer).contains("\"text\":\"the quick brown fox jumps over the lazy dog\"");
            assertThat(proxy.output()).anyMatch(line -> line.contains("No --config given"))
                    .anyMatch(line -> line.contains("model group local -> local/vosk-en"))
                    .noneMatch(line -> line.contains("WARNING"));
        }
    }

    @Test
    void jarRefusesAConfigWithAMissingVariableNamingFileLineAndKey() throws Exception {
        try (ProxyProcess proxy = ProxyProcess.start(List.of(), Map.of(),
                "--config", Examples.config("whisper-openai.yaml").toString(), "--port", "0")) {
            int exit = proxy.awaitExit(Duration.ofSeconds(60));
            String output = String.join("\n", proxy.output());

            assertThat(exit).isNotZero();
            assertThat(output).contains("whisper-openai.yaml:6:").contains("model_list[0].litellm_params.api_key")
                    .contains("OPENAI_API_KEY");
        }
    }

    @Test
    void jarRefusesUnknownOptionsWithUsage(@TempDir Path dir) throws Exception {
        try (ProxyProcess proxy = ProxyProcess.start(List.of(), Map.of(), "--confgi", dir.resolve("x.yaml").toString())) {
            int exit = proxy.awaitExit(Duration.ofSeconds(60));
            String output = String.join("\n", proxy.output());

            assertThat(exit).isEqualTo(2);
            assertThat(output).contains("unknown option --confgi").contains("Usage: java -jar voxgate-proxy.jar");
        }
    }
}
