package dev.voxgate.proxy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import com.google.inject.Stage;
import dev.voxgate.config.ConfigException;
import dev.voxgate.config.GeneralSettings;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.core.model.PriceTable;
import dev.voxgate.local.LocalProviderFactory;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.providers.openai.OpenAiProviderFactory;
import dev.voxgate.proxy.logging.ProxyLogs;
import dev.voxgate.router.RouterSettings;
import dev.voxgate.sdk.Voxgate;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code java -jar voxgate-proxy.jar [--config FILE] [--host HOST] [--port PORT]}: loads the config, starts the
 * proxy and says where it listens and what it serves. Without {@code --config} it serves model group
 * {@value #LOCAL_GROUP} with the built-in offline model, so a first run needs no key and no file. A bad argument
 * exits 2, a bad config exits 1, each with a message that says what to fix.
 */
public final class ProxyMain {

    /** The model group served when no config is given. */
    public static final String LOCAL_GROUP = "local";

    private ProxyMain() {
    }

    public static void main(String[] args) {
        withoutGuiceClassGeneration();
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
     * Loads the config named on the command line (or takes the built-in offline default when none is), starts the
     * proxy on it, and prints the listening line, one line per model group and a line per config warning to
     * {@code out}; with {@code litellm_settings.json_logs} each of them is a JSON log line, as the whole log is from
     * then on ({@link ProxyLogs}).
     *
     * @throws ConfigException when the config cannot be used
     */
    public static ProxyServer launch(CommandLine commandLine, EnvironmentSource environment, PrintStream out) {
        // The local engine lives outside the SDK (its model is 70 MB); the proxy is where it joins the built-ins. Its
        // models load (about a second, in native code) while the rest of the proxy is made, and are in before it
        // listens, so that a ready proxy can serve them.
        LocalProviderFactory local = LocalProviderFactory.loadingInBackground();
        ProviderCatalog catalog = ProviderCatalog.builtIn().with(local);
        VoxgateConfig config = commandLine.config().map(file -> Voxgate.configLoader(environment, catalog).load(file))
                .orElseGet(ProxyMain::localOnly);
        PrintStream console = ProxyLogs.configure(config.generalSettings().jsonLogs(), out);
        config.warnings().forEach(warning -> console.println("warning: " + warning));
        if (commandLine.config().isEmpty()) {
            console.println("No --config given: serving model group '" + LOCAL_GROUP + "' with the built-in "
                    + "offline model; pass --config FILE to route to cloud providers.");
        }
        ProxySettings settings = ProxySettings.of(commandLine.host(), commandLine.port())
                .withDrainTimeout(config.generalSettings().gracefulShutdownTimeout())
                .withMaxUploadBytes(config.generalSettings().maxUploadBytes()
                        .orElse(ProxySettings.OPENAI_MAX_UPLOAD_BYTES))
                .withClientCredentials(config.generalSettings().allowClientSideCredentials());
        ProxyServer server = start(new ProxyModule(config, environment, settings, catalog), local);
        console.println("Voxgate listening on http://" + commandLine.host() + ":" + server.port());
        server.modelGroups().forEach(group -> console.println("  model group " + group.name() + " -> "
                + describe(group)));
        server.modelGroups().stream().flatMap(group -> group.deployments().stream()).map(ProxyMain::retiring)
                .flatMap(Optional::stream).forEach(console::println);
        unpriced(server.modelGroups()).ifPresent(console::println);
        config.database().ifPresent(database -> console.println("  virtual keys and spend in "
                + database.jdbcUrl().replaceFirst("\\?.*", "").replaceFirst("^jdbc:", "") + " (keys trusted for "
                + database.keyCacheTtl().toSeconds() + " s between reads)"));
        if (config.database().isPresent() && config.generalSettings().masterKey().isEmpty()) {
            console.println("warning: general_settings.database_url is set but there is no master key: virtual keys "
                    + "are not checked and the key routes refuse; set general_settings.master_key");
        }
        if (config.generalSettings().masterKey().isEmpty()) {
            console.println("warning: no general_settings.master_key is configured: every request is served "
                    + "without authentication");
        }
        return server;
    }

    /**
     * The proxy uses no method interception, and Guice's class generation for it touches sun.misc.Unsafe, which JDK
     * 24+ warns about on every start; it is off unless {@code -Dguice_bytecode_gen_option} says otherwise.
     */
    static void withoutGuiceClassGeneration() {
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }

    // OpenAI's older speech models stop answering on a known day; a group still on one is told while there is time.
    private static Optional<String> retiring(Deployment deployment) {
        boolean openAiModel = deployment.provider().equals("openai") || deployment.provider().equals("azure");
        Optional<LocalDate> shutdown = openAiModel
                ? OpenAiProviderFactory.shutdownDate(deployment.providerModel()) : Optional.empty();
        return shutdown.map(date -> "warning: deployment '" + deployment.id() + "' of model group " + deployment.modelName()
                        + " uses " + deployment.providerModel() + ", which OpenAI shuts down on " + date
                        + " (with /v1/audio/translations): move the group to gpt-transcribe or another vendor before "
                        + "then");
    }

    // Spend is only as true as its prices: a deployment nobody priced counts as free, which the operator should know.
    private static Optional<String> unpriced(List<ModelGroup> groups) {
        List<String> unpriced = groups.stream().flatMap(group -> group.deployments().stream())
                .filter(deployment -> PriceTable.builtIn().priceOf(deployment).isEmpty())
                .map(deployment -> deployment.id() + " (" + deployment.qualifiedModel() + ")").toList();
        return unpriced.isEmpty() ? Optional.empty() : Optional.of("warning: no price is known for deployment"
                + (unpriced.size() == 1 ? " " : "s ") + String.join(", ", unpriced) + ", so their calls count as "
                + "costing 0: set input_cost_per_second (US dollars per second of audio; 0 when free) or "
                + "model_info.base_model");
    }

    private static ProxyServer start(ProxyModule module, LocalProviderFactory local) {
        ProxyServer server;
        try {
            server = Guice.createInjector(Stage.PRODUCTION, module).getInstance(ProxyServer.class);
        } catch (CreationException e) {
            throw providerFailure(e.getErrorMessages(), e);
        } catch (ProvisionException e) {
            throw providerFailure(e.getErrorMessages(), e);
        }
        local.awaitModels();
        return server.start();
    }

    // Guice wraps what a provider threw (a local model that is missing, say) in a report of its own, once for each
    // binding that needed it; the provider's message is the one that says what to fix.
    private static RuntimeException providerFailure(Collection<Message> messages, RuntimeException report) {
        List<Throwable> causes = messages.stream().map(Message::getCause).toList();
        boolean oneProblem = causes.stream().allMatch(cause -> cause instanceof RuntimeException)
                && causes.stream().map(cause -> cause.getClass().getName() + ": " + cause.getMessage())
                        .distinct().count() == 1;
        return oneProblem ? (RuntimeException) causes.getFirst() : report;
    }

    private static VoxgateConfig localOnly() {
        Deployment local = Deployment.builder(LOCAL_GROUP, LOCAL_GROUP, LocalProviderFactory.ID,
                LocalProviderFactory.BUNDLED_MODEL).build();
        return new VoxgateConfig("built-in default (no --config)", List.of(local), RouterSettings.defaults(),
                GeneralSettings.none(), Map.of(), List.of());
    }

    private static String describe(ModelGroup group) {
        return group.deployments().stream().map(Deployment::qualifiedModel).collect(Collectors.joining(", "));
    }
}
