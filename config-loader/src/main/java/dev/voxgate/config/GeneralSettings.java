package dev.voxgate.config;

import dev.voxgate.core.model.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * LiteLLM's {@code general_settings} that Voxgate honours.
 *
 * <p>Immutable and thread-safe; the master key's {@code toString()} hides it.
 *
 * @param masterKey the key callers must present; empty means the proxy is open
 */
public record GeneralSettings(Optional<Secret> masterKey) {
    public GeneralSettings {
        Objects.requireNonNull(masterKey, "masterKey");
    }

    public static GeneralSettings none() {
        return new GeneralSettings(Optional.empty());
    }
}
