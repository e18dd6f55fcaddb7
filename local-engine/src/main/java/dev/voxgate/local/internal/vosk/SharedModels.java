package dev.voxgate.local.internal.vosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * The Vosk models loaded in this process, one per folder. A model is tens of megabytes of native memory and takes
 * about a second to load, and Vosk lets any number of recognizers share one, so every deployment and every proxy
 * in the process that names the same folder gets the same {@link Model}. Models stay loaded until the process
 * ends; one whose load failed is tried again when next asked for.
 *
 * <p>Thread-safe; a folder is loaded at most once even when asked for from many threads at once.
 */
public final class SharedModels {

    private static final Map<Path, CompletableFuture<Model>> LOADED = new ConcurrentHashMap<>();

    private SharedModels() {
    }

    /**
     * The model in {@code folder}, loaded on first use.
     *
     * @throws IllegalArgumentException naming the folder when it holds no Vosk model, or one Vosk cannot load
     * @throws IllegalStateException    when the Vosk native library does not load on this platform
     */
    public static Model in(Path folder) {
        return await(loading(folder));
    }

    /**
     * The model in {@code folder}, loading on a thread of its own unless it is loaded or loading already, so that a
     * caller can do other work meanwhile. The folder is checked before this returns.
     *
     * @throws IllegalArgumentException naming the folder when it holds no Vosk model
     */
    public static CompletableFuture<Model> loading(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        check(key);
        CompletableFuture<Model> model = LOADED.computeIfAbsent(key, SharedModels::startLoading);
        return model;
    }

    /** What {@code model} completes with, or the exception its load threw. */
    public static Model await(CompletableFuture<Model> model) {
        try {
            return model.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static CompletableFuture<Model> startLoading(Path folder) {
        CompletableFuture<Model> model = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("vosk-model-load").start(() -> {
            try {
                model.complete(load(folder));
            } catch (RuntimeException | LinkageError e) {
                LOADED.remove(folder, model);
                model.completeExceptionally(e);
            }
        });
        return model;
    }

    private static void check(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the Vosk model folder " + folder + " does not exist: point "
                    + "model_path at an unzipped model from https://alphacephei.com/vosk/models");
        }
        if (!Files.isRegularFile(folder.resolve("am/final.mdl")) && !Files.isRegularFile(folder.resolve("final.mdl"))) {
            throw new IllegalArgumentException("the folder " + folder + " holds no Vosk model (no am/final.mdl): "
                    + "point model_path at an unzipped model from https://alphacephei.com/vosk/models");
        }
    }

    private static Model load(Path folder) {
        quietNativeLog();
        try {
            return new Model(folder.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Vosk could not load the model in " + folder + ": its files are "
                    + "incomplete or damaged (Vosk's own message is on stderr); unzip the model again", e);
        }
    }

    private static void quietNativeLog() {
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
        } catch (LinkageError e) {
            throw new IllegalStateException("the Vosk native library does not load on " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + ": " + e.getMessage(), e);
        }
    }
}
