package dev.voxgate.config.litellm;

import dev.voxgate.config.DatabaseSettings;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the key database from {@code general_settings} ({@code database_url}, {@code user_api_key_cache_ttl},
 * {@code spend_buffer_rows}), else from the environment's {@code DATABASE_URL}, as LiteLLM does. Empty when neither
 * names one.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class DatabaseSettingsReader {

    static final Set<String> KEYS = Set.of("database_url", "user_api_key_cache_ttl", "spend_buffer_rows");

    private final ValueReader values;

    DatabaseSettingsReader(ValueReader values) {
        this.values = values;
    }

    Optional<DatabaseSettings> read(Mapping generalSettings) {
        Map<String, YamlNode> entries = generalSettings.entries();
        Duration ttl = Optional.ofNullable(entries.get("user_api_key_cache_ttl"))
                .flatMap(node -> values.seconds(node, true)).orElse(DatabaseSettings.DEFAULT_KEY_CACHE_TTL);
        YamlNode rowsNode = entries.get("spend_buffer_rows");
        int rows = Optional.ofNullable(rowsNode).flatMap(values::count)
                .orElse(DatabaseSettings.DEFAULT_SPEND_BUFFER_ROWS);
        if (rows < 1) {
            throw values.error(rowsNode, "must be at least 1");
        }
        YamlNode urlNode = entries.get("database_url");
        Optional<String> url = Optional.ofNullable(urlNode).flatMap(values::secret).map(secret -> secret.reveal());
        if (url.isPresent()) {
            try {
                return Optional.of(DatabaseSettings.ofUrl(url.get(), ttl, rows));
            } catch (IllegalArgumentException e) {
                throw values.error(urlNode, e.getMessage());
            }
        }
        Optional<String> environment = values.environment().get("DATABASE_URL").filter(text -> !text.isBlank());
        try {
            return environment.map(text -> DatabaseSettings.ofUrl(text, ttl, rows));
        } catch (IllegalArgumentException e) {
            throw values.error(0, "DATABASE_URL", "environment variable DATABASE_URL: " + e.getMessage());
        }
    }
}
