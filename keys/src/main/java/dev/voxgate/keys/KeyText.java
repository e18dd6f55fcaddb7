package dev.voxgate.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The text of a virtual key: made at random, shown once, and from then on known only by its SHA-256. */
public final class KeyText {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyText() {
    }

    /** A new key: {@code sk-} and 32 random bytes, URL-safe, as LiteLLM's keys start with {@code sk-}. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of {@code key}'s text, as lower-case hex: what the store keeps. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code text} is already a hash (LiteLLM's routes take a key or its hash). */
    public static boolean isHash(String text) {
        return text.length() == 64 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** {@code sk-...abcd}: the key's last four characters, to tell keys apart in a list. */
    public static String name(String key) {
        return "sk-..." + key.substring(Math.max(0, key.length() - 4));
    }
}
