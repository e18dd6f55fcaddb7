package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real proxy jar in a JVM of its own ({@code java [jvmArgs] -jar proxy-server/target/voxgate-proxy.jar args}),
 * with only the environment a test gives it: for the CLI contract, and for what only a separate process shows
 * (its exit, its resident memory, its temp files).
 */
final class ProxyProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Voxgate listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final BufferedReader output;
    private final List<String> lines = new ArrayList<>();

    private ProxyProcess(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ProxyProcess start(List<String> jvmArgs, Map<String, String> environment, String... args) {
        Path jar = Examples.root().resolve("proxy-server/target/voxgate-proxy.jar");
        assertThat(jar).as("run mvn verify: the proxy jar is built before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("AZURE_"));
        builder.environment().putAll(environment);
        try {
            return new ProxyProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the output until the listening line and returns the port; the lines read are kept. */
    int awaitListening() throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("the proxy exited without listening: " + lines);
    }

    /** Reads one more line of output into {@link #lines()}. */
    void readLine() throws IOException {
        lines.add(output.readLine());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits for the process to end and returns everything it printed since the last line read. */
    String awaitExit() throws IOException, InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the proxy ends").isTrue();
        return String.join("\n", lines) + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The process's peak resident memory (VmHWM) in KiB, from Linux's {@code /proc}. */
    long peakResidentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new AssertionError("no VmHWM in /proc/" + process.pid() + "/status");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
