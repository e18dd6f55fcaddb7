package dev.voxgate.proxy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The proxy's arguments: {@code [--config FILE] [--host HOST] [--port PORT]} (also {@code --name=value}).
 *
 * @param config the LiteLLM-style config file; empty means the built-in offline model only
 * @param host   interface to bind
 * @param port   TCP port
 * @param help   whether {@code --help} was asked
 */
public record CommandLine(Optional<Path> config, String host, int port, boolean help) {

    static final String USAGE = """
            Usage: java -jar voxgate-proxy.jar [--config FILE] [--host HOST] [--port PORT]
              --config FILE  LiteLLM-compatible config.yaml (model_list, router_settings, general_settings);
                             without it, model group "local" is served by the built-in offline model local/vosk-en
              --host HOST    interface to listen on (default 0.0.0.0)
              --port PORT    port to listen on (default 8000; 0 picks a free port)
              --help         print this help""";

    public CommandLine {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(host, "host");
    }

    /** Reads the arguments; a wrong one is an {@link IllegalArgumentException} that says which and why. */
    public static CommandLine parse(String... args) {
        Path config = null;
        String host = ProxySettings.DEFAULT_HOST;
        int port = ProxySettings.DEFAULT_PORT;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--config" -> config = Path.of(value);
                case "--host" -> host = value;
                case "--port" -> port = port(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new CommandLine(Optional.ofNullable(config), host, port, help);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value given
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, got '" + value + "'");
    }
}
