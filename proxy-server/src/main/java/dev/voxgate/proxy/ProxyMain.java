package dev.voxgate.proxy;

import com.google.inject.Guice;
import com.google.inject.Stage;
import dev.voxgate.config.ConfigException;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.sdk.Voxgate;
import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * {@code java -jar voxgate-proxy.jar --config FILE [--host HOST] [--port PORT]}: loads the config, starts the
 * proxy and says where it listens and what it serves. A bad argument exits 2, a bad config exits 1, each with a
 * message that says what to fix.
 */
public final class ProxyMain {

    private ProxyMain() {
    }

    public static void main(String[] args) {
        // The proxy uses no method interception, and Guice's class generation for it touches sun.misc.Unsafe,
        // which JDK 24+ warns about on every start.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("voxgate: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (commandLine.help()) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        try {
            ProxyServer server = launch(commandLine, EnvironmentSource.system(), System.out);
            TerminationHook.install(server);
        } catch (ConfigException e) {
            System.err.println("voxgate: invalid config: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("voxgate: could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Loads the config named on the command line, starts the proxy on it, and prints the listening line, one line
     * per model group and a line per config warning to {@code out}.
     *
     * @throws ConfigException when the config cannot be used
     */
    public static ProxyServer launch(CommandLine commandLine, EnvironmentSource environment, PrintStream out) {
        VoxgateConfig config = Voxgate.configLoader(environment).load(commandLine.config().orElseThrow());
        config.warnings().forEach(warning -> out.println("warning: " + warning));
        ProxySettings settings = ProxySettings.of(commandLine.host(), commandLine.port())
                .withDrainTimeout(config.generalSettings().gracefulShutdownTimeout());
        ProxyServer server = Guice.createInjector(Stage.PRODUCTION, new ProxyModule(config, environment, settings))
                .getInstance(ProxyServer.class)
                .start();
        out.println("Voxgate listening on http://" + commandLine.host() + ":" + server.port());
        server.modelGroups().forEach(group -> out.println("  model group " + group.name() + " -> " + describe(group)));
        if (config.generalSettings().masterKey().isEmpty()) {
            out.println("warning: no general_settings.master_key is configured: every request is served without "
                    + "authentication");
        }
        return server;
    }

    private static String describe(ModelGroup group) {
        return group.deployments().stream().map(Deployment::qualifiedModel).collect(Collectors.joining(", "));
    }
}
