package dev.voxgate.providers.http;

import dev.voxgate.core.model.Secret;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who answered a call: a provider's deployment, and the key it was called with, so that vendor text can name the
 * deployment and never repeat the key.
 *
 * @param provider     the provider id, e.g. {@code azure}
 * @param deploymentId the deployment's id
 * @param key          the key sent to the vendor, if any; only ever used to redact it
 */
record Upstream(String provider, String deploymentId, Optional<Secret> key) {

    private static final String MASK = "****";
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[^\\s\"',;]+");
    // Runs that could be a key or a masked echo of one ("sk-abc…WXYZ"); a sentence's final dot is not part of it.
    private static final Pattern TOKEN = Pattern.compile("[\\w\\-*~+/=]+(?:\\.+[\\w\\-*~+/=]+)*");
    private static final int MIN_FRAGMENT = 8;

    Upstream {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(key, "key");
    }

    /** {@code openai (deployment 'd1')}, for the start of messages. */
    String describe() {
        return provider + " (deployment '" + deploymentId + "')";
    }

    /**
     * {@code text} without the key: the key itself, any fragment of it, a masked echo keeping its first and last
     * characters (as OpenAI's "Incorrect API key provided: sk-ab…WXYZ" does), and any bearer token.
     */
    String redact(String text) {
        String redacted = BEARER.matcher(text).replaceAll("$1" + MASK);
        if (key.isEmpty()) {
            return redacted;
        }
        String secret = key.get().reveal();
        redacted = redacted.replace(secret, MASK);
        Matcher tokens = TOKEN.matcher(redacted);
        return tokens.replaceAll(match -> Matcher.quoteReplacement(
                echoesKey(match.group(), secret) ? MASK : match.group()));
    }

    private static boolean echoesKey(String token, String secret) {
        if (token.length() < MIN_FRAGMENT) {
            return false;
        }
        if (secret.contains(token)) {
            return true;
        }
        return secret.length() >= MIN_FRAGMENT
                && token.startsWith(secret.substring(0, 3))
                && token.endsWith(secret.substring(secret.length() - 4));
    }
}
