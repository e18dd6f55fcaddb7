package dev.voxgate.providers.openaicompat;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * What an OpenAI-compatible vendor offers besides transcription: {@code /audio/translations}, and streamed
 * transcripts ({@code stream=true}) for the models that produce them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param translations    whether the vendor serves {@code …/audio/translations} next to its transcriptions
 * @param streamingModels which of its models (the provider's model or deployment name) stream their transcript
 */
public record AudioFeatures(boolean translations, Predicate<String> streamingModels) {

    public AudioFeatures {
        Objects.requireNonNull(streamingModels, "streamingModels");
    }

    /** Transcription only. */
    public static AudioFeatures transcriptionOnly() {
        return new AudioFeatures(false, model -> false);
    }

    /** Transcription and translation, no streaming: most Whisper servers. */
    public static AudioFeatures withTranslations() {
        return new AudioFeatures(true, model -> false);
    }

    /** These features, with streaming for the models {@code models} accepts. */
    public AudioFeatures streaming(Predicate<String> models) {
        return new AudioFeatures(translations, models);
    }

    boolean streams(String model) {
        return streamingModels.test(model);
    }
}
