package dev.voxgate.local;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.audio.AudioDecoder;
import dev.voxgate.local.internal.vosk.BundledLibrary;
import dev.voxgate.local.internal.vosk.BundledModel;
import dev.voxgate.local.internal.vosk.Recognition;
import dev.voxgate.local.internal.vosk.SharedModels;
import dev.voxgate.providers.spi.ProviderContext;
import dev.voxgate.providers.spi.ProviderFactory;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.vosk.Model;

/**
 * Provider {@code local}: transcribes in this process with Vosk, offline and without a key. {@code local/vosk-en}
 * is the English model bundled as {@code com.alphacephei:vosk-model-en:0.3.45}, unpacked on first use into the
 * cache folder ({@code VOXGATE_CACHE_DIR}, else {@code ~/.cache/voxgate}); {@code local/<name>} with
 * {@code litellm_params.model_path} is any Vosk model folder. Other {@code litellm_params}:
 * {@code max_concurrent_decodes} (default: the cores), {@code max_queued_decodes} (default: twice that; more
 * requests get 429 with {@code Retry-After}), {@code ffmpeg_path} (default {@code ffmpeg}, for non-WAV audio),
 * {@code language} (the model's; {@code en} for the bundled one) and the usual {@code timeout}.
 *
 * <p>The model is loaded when the deployment is created, so a missing or damaged one stops a proxy at start with a
 * message naming the folder; models are shared by every deployment of the process that names the same folder. A
 * factory made by {@link #loadingInBackground()} checks the folder then but loads the model on a thread of its own,
 * so that its owner can go on starting meanwhile, and {@link #awaitModels()} says when the models are in.
 *
 * <p>Thread-safe.
 */
public final class LocalProviderFactory implements ProviderFactory {

    /** The provider id. */
    public static final String ID = "local";

    /** The model name of the bundled English model. */
    public static final String BUNDLED_MODEL = "vosk-en";

    private static final String BUNDLED_LANGUAGE = "en";

    private final boolean background;
    private final Queue<Loading> loading = new ConcurrentLinkedQueue<>();

    /** A factory that loads each deployment's model before {@link #create} returns. */
    public LocalProviderFactory() {
        this(false);
    }

    private LocalProviderFactory(boolean background) {
        this.background = background;
    }

    /**
     * A factory whose {@link #create} returns while the model loads (about a second for the bundled one, in native
     * code), for a caller that has more to start meanwhile and calls {@link #awaitModels()} before it serves.
     */
    public static LocalProviderFactory loadingInBackground() {
        return new LocalProviderFactory(true);
    }

    /**
     * Waits until the model of every deployment this factory created is loaded.
     *
     * @throws IllegalArgumentException naming the deployment when its model could not be loaded
     * @throws IllegalStateException    when Vosk does not run here
     */
    public void awaitModels() {
        for (Loading each : loading) {
            load(each.deployment(), each.model());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * @throws IllegalArgumentException naming the deployment when its parameters or its model are not usable
     * @throws IllegalStateException    when the bundled model cannot be unpacked or Vosk does not run here
     */
    @Override
    public TranscriptionPort create(Deployment deployment, ProviderContext context) {
        LocalParams params = LocalParams.of(deployment, Runtime.getRuntime().availableProcessors());
        Path folder = params.modelPath().orElseGet(() -> bundledFolder(deployment, context));
        BundledLibrary.useCopyUnder(CacheFolder.choose(context.environment()));
        CompletableFuture<Model> model;
        try {
            model = SharedModels.loading(folder);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe(deployment) + ": " + e.getMessage(), e);
        }
        if (background) {
            loading.add(new Loading(deployment, model));
        } else {
            load(deployment, model);
        }
        Optional<String> language = params.language()
                .or(() -> params.modelPath().isEmpty() ? Optional.of(BUNDLED_LANGUAGE) : Optional.empty());
        return new LocalTranscriber(deployment, new Recognition(model),
                new AudioDecoder(params.ffmpeg(), LocalTranscriber.MAX_AUDIO_SECONDS),
                new DecodeGate(deployment.id(), params.maxConcurrentDecodes(), params.maxQueuedDecodes()),
                language, params.timeLimit());
    }

    @Override
    public Capabilities declared(Deployment deployment) {
        return LocalTranscriber.CAPABILITIES;
    }

    @Override
    public Set<String> settings() {
        return LocalParams.SETTINGS;
    }

    private static void load(Deployment deployment, CompletableFuture<Model> model) {
        try {
            SharedModels.await(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe(deployment) + ": " + e.getMessage(), e);
        }
    }

    private record Loading(Deployment deployment, CompletableFuture<Model> model) {
    }

    /** {@code deployment 'id' (local/name)}, how messages about a deployment start. */
    static String describe(Deployment deployment) {
        return "deployment '" + deployment.id() + "' (" + deployment.qualifiedModel() + ")";
    }

    private static Path bundledFolder(Deployment deployment, ProviderContext context) {
        if (!deployment.providerModel().equals(BUNDLED_MODEL)) {
            throw new IllegalArgumentException(describe(deployment) + ": '" + deployment.providerModel() + "' is not "
                    + "a bundled model (the bundled one is " + ID + "/" + BUNDLED_MODEL + "); to use another Vosk "
                    + "model, set litellm_params." + LocalParams.MODEL_PATH + " to its folder");
        }
        return BundledModel.unpackedUnder(CacheFolder.choose(context.environment()));
    }
}
