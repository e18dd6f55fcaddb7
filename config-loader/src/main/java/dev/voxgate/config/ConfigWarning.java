package dev.voxgate.config;

import java.util.Objects;

/**
 * Something in a config file that Voxgate reads past, such as a LiteLLM key it does not support yet. The message
 * never quotes the key's value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file    the config file as the user named it
 * @param line    1-based line of the key
 * @param keyPath where the key sits, e.g. {@code router_settings.redis_host}
 * @param message what is ignored and why
 */
public record ConfigWarning(String file, int line, String keyPath, String message) {
    public ConfigWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + keyPath + ": " + message;
    }
}
