package dev.voxgate.it;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.proxy.CommandLine;
import dev.voxgate.proxy.ProxyMain;
import dev.voxgate.proxy.ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The proxy started in-process on a loopback port, the way {@code ProxyMain} starts it, with a given environment. */
final class RunningProxy implements AutoCloseable {

    private final ProxyServer server;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private RunningProxy(List<String> configArguments, Map<String, String> environment) {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        List<String> arguments = new ArrayList<>(configArguments);
        arguments.addAll(List.of("--host", "127.0.0.1", "--port", "0"));
        server = ProxyMain.launch(CommandLine.parse(arguments.toArray(String[]::new)), EnvironmentSource.of(environment),
                out);
    }

    static RunningProxy start(Path config, Map<String, String> environment) {
        return new RunningProxy(List.of("--config", config.toString()), environment);
    }

    /** The proxy as {@code java -jar voxgate-proxy.jar} starts it without {@code --config}. */
    static RunningProxy withoutConfig(Map<String, String> environment) {
        return new RunningProxy(List.of(), environment);
    }

    /** The port the proxy listens on. */
    int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** What the proxy printed at start. */
    String startOutput() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
