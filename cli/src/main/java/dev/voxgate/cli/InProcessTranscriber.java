package dev.voxgate.cli;

import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.local.LocalProviderFactory;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.router.CallOptions;
import dev.voxgate.router.Routed;
import dev.voxgate.router.Router;
import dev.voxgate.sdk.Voxgate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --config FILE}: the SDK's router for a LiteLLM config, in this process, so no proxy is needed. Each file is
 * routed, retried and fallen back as the config says, and its answer rendered by {@link Voxgate#render}. Besides the
 * config's groups it routes {@code provider/model} names on keys from the environment, as code holding the keys may.
 * The routing state is this process's own, also when the config names a Redis.
 *
 * <p>Thread-safe.
 */
final class InProcessTranscriber implements Transcriber {

    private final String source;
    private final Router router;

    private InProcessTranscriber(String source, Router router) {
        this.source = source;
        this.router = router;
    }

    /**
     * Loads {@code config}, prints its warnings to {@code warnings}, and connects its deployments.
     *
     * @throws dev.voxgate.config.ConfigException naming the file, line and key, when the config cannot be used
     */
    static InProcessTranscriber load(Path config, EnvironmentSource environment, PrintStream warnings) {
        // As in the proxy: the offline engine joins the built-in providers here, above the SDK.
        ProviderCatalog catalog = ProviderCatalog.builtIn().with(new LocalProviderFactory());
        VoxgateConfig loaded = Voxgate.configLoader(environment, catalog).load(config);
        loaded.warnings().forEach(warning -> warnings.println("warning: " + warning));
        Router router = Voxgate.routerBuilder(loaded, environment, catalog).allowDirectModels(true).build();
        return new InProcessTranscriber(config.toString(), router);
    }

    @Override
    public String describe() {
        return "config " + source + " (in process)";
    }

    @Override
    public List<String> modelGroups() {
        return router.modelGroups().stream().map(ModelGroup::name).toList();
    }

    @Override
    public Answer transcribe(Path file, Ask ask) {
        TranscriptionRequest.Builder request = TranscriptionRequest.builder(ask.model(), AudioInput.of(file))
                .responseFormat(ask.format());
        ask.language().ifPresent(request::language);
        try {
            Routed<Transcription> routed = router.route(request.build(), CallOptions.defaults());
            String body = Voxgate.render(routed.value(), ask.format()).body();
            return new Answer(body, routed.report().audioSeconds().or(routed.value()::audioSeconds),
                    routed.report().cost());
        } catch (TranscriptionException e) {
            boolean endsBatch = e.failure() instanceof ModelNotFound || e.failure() instanceof AuthenticationFailed;
            throw new FileFailed(e.failure().message(), endsBatch);
        }
    }

    @Override
    public void close() {
        // The router holds no resources of its own; the SDK's connection pool lives as long as the JVM.
    }
}
