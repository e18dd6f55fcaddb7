package dev.voxgate.config;

import dev.voxgate.core.model.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The PostgreSQL database that keeps virtual keys, teams and the spend log: LiteLLM's
 * {@code general_settings.database_url}, else the environment's {@code DATABASE_URL}
 * ({@code postgresql://user:password@host:port/db}).
 *
 * @param jdbcUrl         {@code jdbc:postgresql://host:port/db} with the URL's query, without user or password
 * @param user            the role to connect as
 * @param password        its password
 * @param keyCacheTtl     how long a key read from the database is trusted before it is read again
 *                        ({@code general_settings.user_api_key_cache_ttl}, seconds; default 10): the longest a key
 *                        changed or deleted on another replica keeps working there
 * @param spendBufferRows how many spend rows wait in memory while the database is away
 *                        ({@code general_settings.spend_buffer_rows}; default 100,000)
 *
 * <p>Immutable and thread-safe; {@link #toString()} hides the password.
 */
public record DatabaseSettings(String jdbcUrl, Optional<String> user, Optional<Secret> password, Duration keyCacheTtl,
                               int spendBufferRows) {

    public static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofSeconds(10);
    public static final int DEFAULT_SPEND_BUFFER_ROWS = 100_000;

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(keyCacheTtl, "keyCacheTtl");
        if (spendBufferRows < 1) {
            throw new IllegalArgumentException("spendBufferRows must be positive, was " + spendBufferRows);
        }
    }

    /**
     * The settings of {@code url} ({@code postgresql://} or {@code postgres://}, user and password optional and
     * URL-encoded, a query such as {@code ?sslmode=require} kept).
     *
     * @throws IllegalArgumentException saying what shape is expected
     */
    public static DatabaseSettings ofUrl(String url, Duration keyCacheTtl, int spendBufferRows) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(shape("is not a URL"));
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException(shape("must start with postgresql://"));
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(shape("needs a host and a database name"));
        }
        Optional<String> user = Optional.empty();
        Optional<Secret> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0]));
            if (parts.length == 2) {
                password = Optional.of(Secret.of(decode(parts[1])));
            }
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseSettings(jdbc, user, password, keyCacheTtl, spendBufferRows);
    }

    private static String shape(String problem) {
        return "the database URL " + problem + ": write postgresql://user:password@host:5432/database";
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl.replaceFirst("\\?.*", "") + ", user=" + user
                + ", password=" + password.map(secret -> "****").orElse("none") + ", keyCacheTtl=" + keyCacheTtl
                + ", spendBufferRows=" + spendBufferRows + "]";
    }
}
