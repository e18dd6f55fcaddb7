package dev.voxgate.local;

import dev.voxgate.core.model.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code local} deployment's settings, read from its {@code litellm_params}.
 *
 * @param modelPath            {@code model_path}: a Vosk model folder instead of the bundled model
 * @param maxConcurrentDecodes {@code max_concurrent_decodes}: decodes that run at once (default: the cores)
 * @param maxQueuedDecodes     {@code max_queued_decodes}: requests that may wait for a slot (default: twice the
 *                             slots); beyond them a request is refused with 429
 * @param ffmpeg               {@code ffmpeg_path}: the ffmpeg for non-WAV audio (default {@code ffmpeg} on the PATH)
 * @param language             {@code language}: the model's language (default {@code en} for the bundled model)
 * @param timeLimit            the deployment's {@code timeout}, else ten minutes: waiting, converting and decoding
 */
record LocalParams(Optional<Path> modelPath, int maxConcurrentDecodes, int maxQueuedDecodes, String ffmpeg,
                   Optional<String> language, Duration timeLimit) {

    static final String MODEL_PATH = "model_path";
    static final String MAX_CONCURRENT_DECODES = "max_concurrent_decodes";
    static final String MAX_QUEUED_DECODES = "max_queued_decodes";
    static final String FFMPEG_PATH = "ffmpeg_path";
    static final String LANGUAGE = "language";
    /** Every litellm_params key the engine reads as its own setting. */
    static final Set<String> SETTINGS = Set.of(MODEL_PATH, MAX_CONCURRENT_DECODES, MAX_QUEUED_DECODES, FFMPEG_PATH,
            LANGUAGE);
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);

    /**
     * Reads {@code deployment}'s parameters; {@code cores} is the default number of decode slots.
     *
     * @throws IllegalArgumentException naming the deployment and the key when a value is not usable
     */
    static LocalParams of(Deployment deployment, int cores) {
        int slots = count(deployment, MAX_CONCURRENT_DECODES, 1).orElse(Math.max(1, cores));
        int queued = count(deployment, MAX_QUEUED_DECODES, 0).orElse(2 * slots);
        Optional<Path> modelPath = text(deployment, MODEL_PATH).map(Path::of);
        Optional<String> language = text(deployment, LANGUAGE)
                .map(value -> value.toLowerCase(Locale.ROOT).split("[-_]")[0]);
        return new LocalParams(modelPath, slots, queued, text(deployment, FFMPEG_PATH).orElse("ffmpeg"), language,
                deployment.timeout().orElse(DEFAULT_TIME_LIMIT));
    }

    private static Optional<String> text(Deployment deployment, String key) {
        return Optional.ofNullable(deployment.params().get(key)).map(Object::toString).map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    private static Optional<Integer> count(Deployment deployment, String key, int least) {
        Optional<String> value = text(deployment, key);
        try {
            Optional<Integer> number = value.map(Integer::valueOf);
            if (number.isEmpty() || number.get() >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the value given
        }
        throw new IllegalArgumentException(LocalProviderFactory.describe(deployment) + ": litellm_params." + key
                + " must be a whole number of " + least + " or more, got '" + value.orElseThrow() + "'");
    }
}
