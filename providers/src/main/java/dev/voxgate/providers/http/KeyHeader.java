package dev.voxgate.providers.http;

import dev.voxgate.core.model.Secret;
import java.util.Objects;

/**
 * The header that carries a deployment's key: {@code name: prefix + key}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name   the header, e.g. {@code Authorization}
 * @param prefix what precedes the key in it, e.g. {@code "Bearer "}; empty for the key alone
 */
public record KeyHeader(String name, String prefix) {

    public KeyHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
    }

    /** {@code Authorization: Bearer <key>}, OpenAI's and most vendors'. */
    public static KeyHeader bearer() {
        return new KeyHeader("Authorization", "Bearer ");
    }

    /** The key alone in header {@code name}, e.g. Azure's {@code api-key}, ElevenLabs' {@code xi-api-key}. */
    public static KeyHeader named(String name) {
        return new KeyHeader(name, "");
    }

    String value(Secret key) {
        return prefix + key.reveal();
    }
}
