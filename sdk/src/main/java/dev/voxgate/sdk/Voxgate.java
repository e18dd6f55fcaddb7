package dev.voxgate.sdk;

import dev.voxgate.config.litellm.ConfigLoader;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
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
import dev.voxgate.router.Routed;
import dev.voxgate.router.Router;
import dev.voxgate.router.RouterSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SDK's front door, LiteLLM's {@code transcription()} and {@code Router} in Java.
 *
 * <pre>{@code
 * Transcription t = Voxgate.transcription("whisper-1", Path.of("speech.mp3"));
 *
 * Transcription t = Voxgate.transcription("openai/whisper-1", AudioInput.of(Path.of("speech.mp3")),
 *         TranscriptionOptions.builder().fallbacks(List.of("azure/whisper-eu")).numRetries(1).build());
 *
 * Router router = Voxgate.routerBuilder()
 *         .deployment(Voxgate.deployment("whisper", "whisper-1").build())
 *         .deployment(Voxgate.deployment("whisper", "azure/azure-whisper").apiBase(base).build())
 *         .build();
 *
 * String srt = Voxgate.render(t, ResponseFormat.SRT).body();
 * }</pre>
 *
 * <p>Thread-safe. Every router made here shares one HTTP connection pool.
 */
public final class Voxgate {

    private static final ProviderCatalog CATALOG = ProviderCatalog.builtIn();
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
     * Transcribes {@code audio} with {@code model}, retrying and falling back as {@code options} say.
     *
     * @throws TranscriptionException with the failure kind when no model could transcribe it
     */
    public static Transcription transcription(String model, AudioInput audio, TranscriptionOptions options) {
        return oneOffRouter(model, options).route(request(model, audio, options), callOptions(options)).value();
    }

    /**
     * {@link #transcription(String, AudioInput, TranscriptionOptions)} on a virtual thread. The future completes
     * exceptionally with the {@link TranscriptionException} itself; cancelling it interrupts the call.
     */
    public static CompletableFuture<Transcription> transcriptionAsync(
            String model, AudioInput audio, TranscriptionOptions options) {
        CompletableFuture<Routed<Transcription>> routed = oneOffRouter(model, options)
                .routeAsync(request(model, audio, options), callOptions(options));
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
        return routerBuilder(environment, CATALOG);
    }

    /**
     * A router builder wired to the providers of {@code catalog}, e.g. the built-ins plus the local engine (a
     * separate dependency): {@code ProviderCatalog.builtIn().with(new LocalProviderFactory())}.
     */
    public static Router.Builder routerBuilder(EnvironmentSource environment, ProviderCatalog catalog) {
        ProviderContext context = new ProviderContext(DefaultHttp.INSTANCE, environment);
        return Router.builder().connector(new ProviderConnector(catalog, context));
    }

    /** A router for a LiteLLM {@code config.yaml}, reading {@code os.environ/} values from the process environment. */
    public static Router router(Path configFile) {
        return router(configLoader(EnvironmentSource.system()).load(configFile), EnvironmentSource.system());
    }

    /** A router for a loaded config; the config's {@code environment_variables} take precedence over {@code environment}. */
    public static Router router(VoxgateConfig config, EnvironmentSource environment) {
        return routerBuilder(environment.withOverrides(config.environmentVariables()))
                .deployments(config.deployments())
                .settings(config.routerSettings())
                .build();
    }

    /** A loader for LiteLLM config files that knows the built-in providers. */
    public static ConfigLoader configLoader(EnvironmentSource environment) {
        return configLoader(environment, CATALOG);
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
        ModelReference reference = ModelReference.parse(model, CATALOG::supports)
                .orElseThrow(() -> new IllegalArgumentException(unknownProvider(model)));
        String id = modelName + "#" + DEPLOYMENT_SEQUENCE.incrementAndGet();
        return Deployment.builder(id, modelName, reference.provider(), reference.model());
    }

    private static Router oneOffRouter(String model, TranscriptionOptions options) {
        List<Deployment> deployments = new ArrayList<>();
        Deployment.Builder primary = oneOffDeployment(model);
        options.apiKey().ifPresent(primary::apiKey);
        options.apiBase().ifPresent(primary::apiBase);
        options.apiVersion().ifPresent(primary::apiVersion);
        deployments.add(primary.build());
        options.fallbacks().stream().distinct().filter(fallback -> !fallback.equals(model))
                .forEach(fallback -> deployments.add(oneOffDeployment(fallback).build()));
        RouterSettings.Builder settings = RouterSettings.builder();
        options.numRetries().ifPresent(settings::numRetries);
        return routerBuilder(options.environment())
                .deployments(deployments)
                .settings(settings.build())
                .allowDirectModels(false)
                .build();
    }

    private static Deployment.Builder oneOffDeployment(String model) {
        ModelReference reference = ModelReference.parse(model, CATALOG::supports).orElseThrow(() ->
                new TranscriptionException(new TranscriptionFailure.ModelNotFound(unknownProvider(model))));
        return Deployment.builder(model, model, reference.provider(), reference.model());
    }

    private static TranscriptionRequest request(String model, AudioInput audio, TranscriptionOptions options) {
        TranscriptionRequest.Builder request = TranscriptionRequest.builder(model, audio)
                .responseFormat(options.responseFormat())
                .timestampGranularities(options.timestampGranularities());
        options.providerParams().forEach(request::providerParam);
        options.language().ifPresent(request::language);
        options.prompt().ifPresent(request::prompt);
        options.temperature().ifPresent(request::temperature);
        return request.build();
    }

    private static CallOptions callOptions(TranscriptionOptions options) {
        CallOptions.Builder call = CallOptions.builder().mockTestingFallbacks(options.mockTestingFallbacks());
        if (!options.fallbacks().isEmpty()) {
            call.fallbacks(options.fallbacks());
        }
        options.timeout().ifPresent(call::timeout);
        options.numRetries().ifPresent(call::numRetries);
        return call.build();
    }

    private static String unknownProvider(String model) {
        return "unknown provider in model '" + model + "': write <provider>/<model> with one of "
                + String.join(", ", CATALOG.providerIds().stream().sorted().toList())
                + ", or a bare OpenAI model name such as whisper-1";
    }

    // One connection pool for every SDK router in this JVM, created on first use.
    private static final class DefaultHttp {
        static final SharedHttpClient INSTANCE = ProviderCatalog.newHttpClient();
    }
}
