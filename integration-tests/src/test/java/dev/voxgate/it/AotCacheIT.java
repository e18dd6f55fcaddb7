package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/voxgate-proxy} and the JVM's ahead-of-time cache the build makes on JDK 25+
 * ({@code proxy-server/target/voxgate-proxy.aot}): the launcher starts with it when it is of this jar and this JDK,
 * without it otherwise, and a broken cache never keeps the proxy from serving. Each test runs a copy of the launcher
 * in an installation of its own (the build's jar linked in, the cache as the test needs it).
 */
class AotCacheIT {

    private static final Path TARGET = Examples.root().resolve("proxy-server/target");
    private static final Path CACHE = TARGET.resolve("voxgate-proxy.aot");
    private static final String RUNTIME_VERSION = System.getProperty("java.runtime.version");

    @Test
    void theBuildsCacheIsUsedAndTheProxyServesFromIt(@TempDir Path dir) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the build makes the cache on JDK 25 and later only");
        assertThat(CACHE).as("the build's AOT cache (JDK 25+ makes it in package)").isRegularFile();
        assertThat(Files.readString(Path.of(CACHE + ".jvm")).strip()).isEqualTo(RUNTIME_VERSION);
        Path launcher = installation(dir);
        Files.createSymbolicLink(installed(dir, ".aot"), CACHE);
        Files.createSymbolicLink(installed(dir, ".aot.jvm"), Path.of(CACHE + ".jvm"));
        Path classes = dir.resolve("classes.txt");

        try (ProxyProcess proxy = ProxyProcess.startLauncher(launcher, environment(
                "-Xlog:class+load=info:file=" + classes), "--host", "127.0.0.1", "--port", "0")) {
            int port = serves(proxy);
            // A first decode on a cold JIT may take a while on a busy machine.
            var answer = ProxyClients.postTranscription("http://127.0.0.1:" + port,
                    Examples.audio("quick-brown-fox.wav"), ProxyClients.fields("model", "local"), Duration.ofSeconds(90));

            assertThat(proxy.commandLine()).contains("-XX:AOTCache=" + installed(dir, ".aot"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("the quick brown fox jumps over the lazy dog");
            assertThat(proxy.output()).noneMatch(line -> line.contains("[error") || line.contains("AOT cache"));
            // The proxy's own classes came out of the cache, not the jar: it was used, not merely named.
            assertThat(Files.readAllLines(classes)).anyMatch(line ->
                    line.contains("dev.voxgate.proxy.ProxyServer source: shared objects file"));
        }
    }

    @Test
    void withoutACacheTheLauncherStartsTheJarAlone(@TempDir Path dir) throws Exception {
        Path launcher = installation(dir);

        try (ProxyProcess proxy = ProxyProcess.startLauncher(launcher, environment(""),
                "--host", "127.0.0.1", "--port", "0")) {
            serves(proxy);

            assertThat(proxy.commandLine()).doesNotContain("AOTCache").contains("-jar");
        }
    }

    @Test
    void aCacheOfAnotherJdkOrOfAnOlderJarIsLeftOut(@TempDir Path dir) throws Exception {
        Path launcher = installation(dir);
        Files.writeString(installed(dir, ".aot"), "a cache of another build");
        Files.writeString(installed(dir, ".aot.jvm"), "21.0.2+13-LTS");
        try (ProxyProcess proxy = ProxyProcess.startLauncher(launcher, environment(""),
                "--host", "127.0.0.1", "--port", "0")) {
            serves(proxy);
            assertThat(proxy.commandLine()).doesNotContain("AOTCache");
        }

        Files.writeString(installed(dir, ".aot.jvm"), RUNTIME_VERSION);
        Files.setLastModifiedTime(installed(dir, ".aot"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        try (ProxyProcess proxy = ProxyProcess.startLauncher(launcher, environment(""),
                "--host", "127.0.0.1", "--port", "0")) {
            serves(proxy);
            assertThat(proxy.commandLine()).as("a cache older than the jar").doesNotContain("AOTCache");
        }
    }

    @Test
    void aCacheTheJvmRefusesIsReportedAndTheProxyStartsWithoutIt(@TempDir Path dir) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "-XX:AOTCache is a JDK 25 flag");
        Path launcher = installation(dir);
        // Newer than the jar and stamped with this JDK, so the launcher passes it on: only the JVM can tell.
        Files.writeString(installed(dir, ".aot"), "not a cache at all");
        Files.writeString(installed(dir, ".aot.jvm"), RUNTIME_VERSION);

        try (ProxyProcess proxy = ProxyProcess.startLauncher(launcher, environment(""),
                "--host", "127.0.0.1", "--port", "0")) {
            serves(proxy);

            assertThat(proxy.commandLine()).contains("-XX:AOTCache=");
            assertThat(proxy.output()).anyMatch(line -> line.contains("error has occurred while processing the AOT "
                    + "cache"));
        }
    }

    // A copy of bin/ beside the build's jar, so that what a test does to the cache touches no other run's.
    private static Path installation(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String script : List.of("voxgate-proxy", "jdk21", "mvn")) {
            Files.copy(Examples.root().resolve("bin").resolve(script), bin.resolve(script),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.createDirectories(dir.resolve("proxy-server/target"));
        Path jar = TARGET.resolve("voxgate-proxy.jar");
        assertThat(jar).as("run mvn verify: the proxy jar is built before the integration tests").exists();
        Files.createSymbolicLink(installed(dir, ".jar"), jar);
        return bin.resolve("voxgate-proxy");
    }

    private static Path installed(Path dir, String suffix) {
        return dir.resolve("proxy-server/target/voxgate-proxy" + suffix);
    }

    private static Map<String, String> environment(String toolOptions) {
        Map<String, String> environment = new HashMap<>(Map.of("VOXGATE_CACHE_DIR",
                Examples.root().resolve("integration-tests/target/voxgate-cache-jar").toString()));
        if (!toolOptions.isEmpty()) {
            environment.put("JAVA_TOOL_OPTIONS", toolOptions);
        }
        return environment;
    }

    // Ready and answering: the probe, then the model list.
    private static int serves(ProxyProcess proxy) throws InterruptedException {
        int port = proxy.awaitPort(Duration.ofSeconds(120));
        String base = "http://127.0.0.1:" + port;
        var readiness = ProxyClients.call(new Request.Builder().url(base + "/health/readiness").build());
        var models = ProxyClients.call(new Request.Builder().url(base + "/v1/models").build());
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(models.body()).as("output: %s", proxy.output()).contains("\"id\":\"local\"");
        return port;
    }
}
