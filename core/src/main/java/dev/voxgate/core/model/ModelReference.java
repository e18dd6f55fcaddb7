package dev.voxgate.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A model as LiteLLM names it in {@code litellm_params.model}: {@code provider/model} (split at the first slash),
 * or a bare name such as {@code whisper-1}, which is OpenAI's.
 *
 * @param provider the provider id, e.g. {@code azure}
 * @param model    the model (or Azure deployment) name at that provider; may itself contain slashes
 */
public record ModelReference(String provider, String model) {

    /** The provider of a bare model name, as in LiteLLM. */
    public static final String DEFAULT_PROVIDER = "openai";

    public ModelReference {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        if (provider.isBlank() || model.isBlank()) {
            throw new IllegalArgumentException("provider and model must not be blank");
        }
    }

    /**
     * Reads {@code name}: a bare name is OpenAI's; {@code prefix/rest} names provider {@code prefix} when
     * {@code isProvider} knows it. Empty when the prefix is not a known provider, or a part is blank.
     */
    public static Optional<ModelReference> parse(String name, Predicate<String> isProvider) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return Optional.of(new ModelReference(DEFAULT_PROVIDER, trimmed));
        }
        String provider = trimmed.substring(0, slash);
        String model = trimmed.substring(slash + 1);
        if (provider.isBlank() || model.isBlank() || !isProvider.test(provider)) {
            return Optional.empty();
        }
        return Optional.of(new ModelReference(provider, model));
    }

    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
