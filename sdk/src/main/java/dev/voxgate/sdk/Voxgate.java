package dev.voxgate.sdk;

import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.config.litellm.ConfigLoader;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelReference;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.core.render.RenderedTranscript;
import dev.voxgate.core.render.TranscriptRenderer;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.SharedHttpClient;
import dev.voxgate.router.CallOptions;
import dev.voxgate.router.DeploymentConnector;
import dev.voxgate.router.Routed;
import dev.voxgate.router.Router;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SDK's front door, LiteLLM's {@code transcription()} and {@code Router} in Java.
 *
 * <pre>{@code
 * Transcription t = Voxgate.transcription("whisper-1", Path.of("speech.mp3"));
 *
 * Transcription t = Voxgate.transcription("openai/whisper-1", AudioInput.of(Path.of("speech.mp3")),
 *         TranscriptionOptions.builder()
 *                 .request(request -> request.language("de"))
 *                 .call(call -> call.fallbacks(List.of("azure/whisper-eu")).numRetries(1))
 *                 .build());
 *
 * Transcription t = Voxgate.transcription(TranscriptionRequest.builder("openai/whisper-1", audio).build(),
 *         CallOptions.builder().timeout(Duration.ofSeconds(30)).build());
 *
 * Router router = Voxgate.routerBuilder()
 *         .deployment(Voxgate.deployment("whisper", "whisper-1").build())
 *         .deployment(Voxgate.deployment("whisper", "azure/azure-whisper").apiBase(base).build())
 *         .build();
 *
 * String srt = Voxgate.render(t, ResponseFormat.SRT).body();
 * }</pre>
 *
 * <p>One-call transcriptions run on a router shared by every call with the same environment and provider catalog,
 * built on first use, so that cooldowns and limits hold from one call to the next; a caller's own key, base URL and
 * API version go with its call as {@link CallOptions#credentials()}.
 *
 * <p>Thread-safe. Every router made here shares one HTTP connection pool.
 */
public final class Voxgate {

    /** The built-in providers: the catalog wherever none is given. */
    static final ProviderCatalog BUILT_IN = ProviderCatalog.builtIn();
    /** The process environment, one object, so that one-call transcriptions on it share their router. */
    static final EnvironmentSource PROCESS_ENVIRONMENT = EnvironmentSource.system();
    private static final AtomicLong DEPLOYMENT_SEQUENCE = new AtomicLong();

    private Voxgate() {
    }

    /** Transcribes {@code file} with {@code model} ({@code provider/model}, or a bare OpenAI name). */
    public static Transcription transcription(String model, Path file) {
        return transcription(model, AudioInput.of(file), TranscriptionOptions.defaults());
    }

    /** Transcribes {@code file} with {@code model} and the given options. */
    public static Transcription transcription(String model, Path file, TranscriptionOptions options) {
        return transcription(model, AudioInput.of(file), options);
    }

    /**
     * Transcribes {@code audio} with {@code model} ({@code provider/model}, or a bare OpenAI name), retrying and
     * falling back as {@code options} say.
     *
     * @throws TranscriptionException with the failure kind when no model could transcribe it
     */
    public static Transcription transcription(String model, AudioInput audio, TranscriptionOptions options) {
        TranscriptionRequest request = options.request(model, audio);
        return oneCallRouter(request, options).route(request, options.call()).value();
    }

    /**
     * Transcribes {@code request} as {@code options} say, with the built-in providers and keys and base URLs from
     * the process environment; the model and the fallbacks are {@code provider/model} (or bare OpenAI) names.
     *
     * @throws TranscriptionException with the failure kind when no model could transcribe it
     */
    public static Transcription transcription(TranscriptionRequest request, CallOptions options) {
        Router router = Shared.ONE_CALL.routerFor(request, options, PROCESS_ENVIRONMENT, BUILT_IN);
        return router.route(request, options).value();
    }

    /**
     * {@link #transcription(String, AudioInput, TranscriptionOptions)} on a virtual thread. The future completes
     * exceptionally with the {@link TranscriptionException} itself; cancelling it interrupts the call.
     */
    public static CompletableFuture<Transcription> transcriptionAsync(
            String model, AudioInput audio, TranscriptionOptions options) {
        TranscriptionRequest request = options.request(model, audio);
        CompletableFuture<Routed<Transcription>> routed = oneCallRouter(request, options)
                .routeAsync(request, options.call());
        CompletableFuture<Transcription> transcription = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                routed.cancel(mayInterruptIfRunning);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        routed.whenComplete((answer, failure) -> {
            if (failure != null) {
                transcription.completeExceptionally(failure);
            } else {
                transcription.complete(answer.value());
            }
        });
        return transcription;
    }

    /**
     * {@code transcription} as the proxy answers it in {@code format}: the same {@code Content-Type} and, sent as
     * UTF-8, the same bytes. {@link TranscriptRenderer} is the same thing for code that has only {@code core}.
     *
     * @throws TranscriptionException with an {@code InvalidRequest} on {@code response_format} when subtitles are
     *                                asked of a transcript without timed segments
     */
    public static RenderedTranscript render(Transcription transcription, ResponseFormat format) {
        return TranscriptRenderer.render(transcription, format);
    }

    /** A router builder wired to the built-in providers, reading keys from the process environment. */
    public static Router.Builder routerBuilder() {
        return routerBuilder(EnvironmentSource.system());
    }

    /** A router builder wired to the built-in providers, reading keys from {@code environment}. */
    public static Router.Builder routerBuilder(EnvironmentSource environment) {
        return routerBuilder(environment, BUILT_IN);
    }

    /**
     * A router builder wired to the providers of {@code catalog}, e.g. the built-ins plus the local engine (a
     * separate dependency): {@code ProviderCatalog.builtIn().with(new LocalProviderFactory())}.
     */
    public static Router.Builder routerBuilder(EnvironmentSource environment, ProviderCatalog catalog) {
        return Router.builder().connector(connector(environment, catalog));
    }

    /**
     * A router builder for a loaded config, wired to the providers of {@code catalog}; the config's
     * {@code environment_variables} take precedence over {@code environment}. As {@link #routerBuilder(VoxgateConfig,
     * DeploymentConnector)} says, it routes the configured model groups only, unless
     * {@link Router.Builder#allowDirectModels(boolean) allowDirectModels(true)} is set on it.
     */
    public static Router.Builder routerBuilder(VoxgateConfig config, EnvironmentSource environment,
                                               ProviderCatalog catalog) {
        return routerBuilder(config, connector(environment.withOverrides(config.environmentVariables()), catalog));
    }

    /**
     * The one place a router is built from a config, for the SDK and the proxy's {@link VoxgateModule} alike: the
     * config's deployments and router settings over {@code connector}. By default it routes the configured model
     * groups only, so that a client of the proxy cannot reach arbitrary {@code provider/model} names on the proxy's
     * keys; {@link Router.Builder#allowDirectModels(boolean) allowDirectModels(true)} opts in to them.
     */
    static Router.Builder routerBuilder(VoxgateConfig config, DeploymentConnector connector) {
        return Router.builder()
                .connector(connector)
                .deployments(config.deployments())
                .settings(config.routerSettings())
                .allowDirectModels(false);
    }

    /**
     * A router for a LiteLLM {@code config.yaml}, reading {@code os.environ/} values from the process environment;
     * as {@link #router(VoxgateConfig, EnvironmentSource)}, it also routes {@code provider/model} names.
     */
    public static Router router(Path configFile) {
        return router(configLoader(EnvironmentSource.system()).load(configFile), EnvironmentSource.system());
    }

    /**
     * A router for a loaded config; the config's {@code environment_variables} take precedence over
     * {@code environment}. Beside its model groups it routes {@code provider/model} names (keys from the
     * environment), as code that holds the keys itself may.
     */
    public static Router router(VoxgateConfig config, EnvironmentSource environment) {
        return routerBuilder(config, environment, BUILT_IN).allowDirectModels(true).build();
    }

    /** A loader for LiteLLM config files that knows the built-in providers. */
    public static ConfigLoader configLoader(EnvironmentSource environment) {
        return configLoader(environment, BUILT_IN);
    }

    /**
     * A loader for LiteLLM config files that knows the providers of {@code catalog}, e.g. the built-ins plus the
     * local engine: {@code ProviderCatalog.builtIn().with(new LocalProviderFactory())}.
     */
    public static ConfigLoader configLoader(EnvironmentSource environment, ProviderCatalog catalog) {
        return new ConfigLoader(environment, new CatalogProviders(catalog));
    }

    /**
     * A deployment of model group {@code modelName} for {@code model} as LiteLLM writes it ({@code azure/my-whisper},
     * {@code whisper-1}), with a generated id; set keys, base URL and limits on the returned builder.
     *
     * @throws IllegalArgumentException when the provider prefix is not a built-in provider
     */
    public static Deployment.Builder deployment(String modelName, String model) {
        ModelReference reference = ModelReference.parse(model, BUILT_IN::supports)
                .orElseThrow(() -> new IllegalArgumentException(ProviderConnector.unknownProvider(BUILT_IN, model)));
        String id = modelName + "#" + DEPLOYMENT_SEQUENCE.incrementAndGet();
        return Deployment.builder(id, modelName, reference.provider(), reference.model());
    }

    private static Router oneCallRouter(TranscriptionRequest request, TranscriptionOptions options) {
        return Shared.ONE_CALL.routerFor(request, options.call(), options.environment(), options.catalog());
    }

    private static DeploymentConnector connector(EnvironmentSource environment, ProviderCatalog catalog) {
        return ProviderConnector.forGroups(catalog, new ProviderContext(Shared.HTTP, environment));
    }

    // One connection pool for every SDK router in this JVM, and the one-call routers over it, created on first use.
    private static final class Shared {
        static final SharedHttpClient HTTP = ProviderCatalog.newHttpClient();
        static final OneCallRouters ONE_CALL = new OneCallRouters(HTTP);
    }
}
