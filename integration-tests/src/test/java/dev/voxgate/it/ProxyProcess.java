package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proxy jar run as its own process ({@code java [jvm flags] -jar voxgate-proxy.jar ARGS}) on a loopback port,
 * with its standard output and error collected line by line as it runs, so that a test can read its log.
 *
 * <p>Thread-safe.
 */
final class ProxyProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Voxgate listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ProxyProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().name("proxy-output").start(this::collect);
    }

    /** Starts the jar on {@code config} at a free port, with exactly {@code environment} for provider variables. */
    static ProxyProcess start(Path config, Map<String, String> environment, String... jvmFlags) {
        return start(List.of(jvmFlags), environment, "--config", config.toString(), "--host", "127.0.0.1",
                "--port", "0");
    }

    /** Starts {@code java [jvmFlags] -jar voxgate-proxy.jar [args]} with exactly {@code environment} for providers. */
    static ProxyProcess start(List<String> jvmFlags, Map<String, String> environment, String... args) {
        List<String> launch = new ArrayList<>(jvmFlags);
        launch.addAll(List.of("-jar", jar().toString()));
        return run(launch, environment, args);
    }

    /**
     * Starts {@code harness}, a main class of these tests, on the proxy jar's classpath (the jar as it ships, services
     * and all), with exactly {@code environment} for providers.
     */
    static ProxyProcess startHarness(Class<?> harness, Map<String, String> environment, String... args) {
        Path testClasses;
        try {
            testClasses = Path.of(harness.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return run(List.of("-cp", jar() + File.pathSeparator + testClasses, harness.getName()), environment, args);
    }

    /**
     * Starts {@code launcher} (a copy of {@code bin/voxgate-proxy}) with {@code args}, on the JDK running these tests
     * and with exactly {@code environment} for providers and the launcher's variables.
     */
    static ProxyProcess startLauncher(Path launcher, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("JAVA_HOME", System.getProperty("java.home"));
        variables.putIfAbsent("VOXGATE_QUIET_JDK", "1");
        return start(command, variables);
    }

    private static Path jar() {
        Path jar = Examples.root().resolve("proxy-server/target/voxgate-proxy.jar");
        assertThat(jar).as("run mvn verify: the proxy jar is built before the integration tests").exists();
        return jar;
    }

    private static ProxyProcess run(List<String> launch, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(launch);
        command.addAll(List.of(args));
        return start(command, environment);
    }

    private static ProxyProcess start(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("AZURE_")
                || name.startsWith("LITELLM_") || name.startsWith("REDIS_"));
        builder.environment().putAll(environment);
        try {
            return new ProxyProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the listening line and returns the port, failing with the output if the process ends first. */
    int awaitPort(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output()) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the proxy did not start listening: " + output());
    }

    /** Waits until a printed line contains {@code text}; fails with the output if none does within {@code patience}. */
    void awaitOutput(String text, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (output().stream().noneMatch(line -> line.contains(text))) {
            assertThat(System.nanoTime() < deadline).as("'%s' printed; output: %s", text, output()).isTrue();
            Thread.sleep(50);
        }
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

    /** Sends SIGTERM, as {@code docker stop} and Kubernetes do. */
    void terminate() {
        // Process.destroy() sends the same signal but also closes our ends of the pipes, so what the proxy logs
        // while it stops would be lost; its handle only signals.
        process.toHandle().destroy();
    }

    /** Sends SIGKILL, as a crash or the OOM killer would: nothing of the proxy runs after it. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The exit status, waiting up to {@code patience}; fails if the process is still running then. */
    int awaitExit(Duration patience) throws InterruptedException {
        assertThat(process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS))
                .as("the proxy exited within %s; output: %s", patience, output()).isTrue();
        reader.join(patience.toMillis());
        return process.exitValue();
    }

    /** The command line the process runs now (a launcher that execs the JVM shows the JVM's), from {@code /proc}. */
    String commandLine() throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                StandardCharsets.UTF_8).replace('\0', ' ');
    }

    /** Every line printed so far. */
    synchronized List<String> output() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process went away; what was read stays
        }
    }
}
