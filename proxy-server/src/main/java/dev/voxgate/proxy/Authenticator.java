package dev.voxgate.proxy;

import dev.voxgate.core.model.Secret;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the caller's key against the master key: {@code Authorization: Bearer <key>} as OpenAI clients send it,
 * or {@code api-key: <key>} as Azure clients do. With no master key configured, everyone is let in.
 *
 * <p>Immutable and thread-safe.
 */
final class Authenticator {

    // Longer than any real key; refusing early keeps a huge header from being compared at all.
    private static final int MAX_KEY_LENGTH = 512;

    private final Optional<Secret> masterKey;

    Authenticator(Optional<Secret> masterKey) {
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
    }

    /** Empty when the caller may proceed, else the 401 to answer with. */
    Optional<OpenAiError> check(String authorizationHeader, String apiKeyHeader) {
        if (masterKey.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> presented = bearerToken(authorizationHeader).or(() -> Optional.ofNullable(apiKeyHeader))
                .map(String::trim)
                .filter(key -> !key.isEmpty());
        if (presented.isEmpty()) {
            return Optional.of(OpenAiError.unauthorized("Missing API key. Pass the proxy's key as "
                    + "'Authorization: Bearer <key>' or 'api-key: <key>'."));
        }
        String key = presented.get();
        if (key.length() > MAX_KEY_LENGTH || !masterKey.get().matches(key)) {
            return Optional.of(OpenAiError.unauthorized("Invalid API key. Pass the proxy's master key as "
                    + "'Authorization: Bearer <key>' or 'api-key: <key>'."));
        }
        return Optional.empty();
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
