package dev.voxgate.proxy;

import dev.voxgate.core.model.Secret;
import dev.voxgate.keys.KeyRing;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds who is calling: {@code Authorization: Bearer <key>} as OpenAI clients send it, or {@code api-key: <key>} as
 * Azure clients do, is the master key or, with a key database, a virtual key. With no master key configured,
 * everyone is let in.
 *
 * <p>Immutable and thread-safe.
 */
final class Authenticator {

    // Longer than any real key; refusing early keeps a huge header from being compared or hashed at all.
    private static final int MAX_KEY_LENGTH = 512;

    private final Optional<Secret> masterKey;
    private final Optional<KeyRing> keys;

    Authenticator(Optional<Secret> masterKey) {
        this(masterKey, Optional.empty());
    }

    Authenticator(Optional<Secret> masterKey, Optional<KeyRing> keys) {
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * The caller of a request with these headers.
     *
     * @throws RequestRejected with a 401 for a missing, wrong or expired key, or a 503 when a key that was not seen
     *                         before cannot be checked because the key database is away
     */
    Caller identify(String authorizationHeader, String apiKeyHeader) {
        if (masterKey.isEmpty()) {
            return new Caller.Anyone();
        }
        Optional<String> presented = bearerToken(authorizationHeader).or(() -> Optional.ofNullable(apiKeyHeader))
                .map(String::trim)
                .filter(key -> !key.isEmpty());
        if (presented.isEmpty()) {
            throw new RequestRejected(OpenAiError.unauthorized("Missing API key. Pass the proxy's key as "
                    + "'Authorization: Bearer <key>' or 'api-key: <key>'."));
        }
        String key = presented.get();
        if (key.length() <= MAX_KEY_LENGTH && masterKey.get().matches(key)) {
            return new Caller.Master();
        }
        if (key.length() <= MAX_KEY_LENGTH && keys.isPresent()) {
            return switch (keys.get().lookup(key)) {
                case KeyRing.Lookup.Found found -> new Caller.Virtual(found.access());
                case KeyRing.Lookup.Unknown unknown -> throw invalid("a virtual key from POST /key/generate");
                case KeyRing.Lookup.Unavailable away -> throw new RequestRejected(OpenAiError.status(503,
                        "The key database does not answer, and this key was not used recently enough to be known "
                                + "without it. Try again shortly; keys used in the last moments keep working."));
            };
        }
        throw invalid("the proxy's master key");
    }

    private static RequestRejected invalid(String what) {
        return new RequestRejected(OpenAiError.unauthorized("Invalid API key. Pass " + what
                + " as 'Authorization: Bearer <key>' or 'api-key: <key>'."));
    }

    private static Optional<String> bearerToken(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.trim();
        if (trimmed.length() > 7 && trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.of(trimmed.substring(7));
        }
        return Optional.empty();
    }
}
