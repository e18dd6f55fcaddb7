package dev.voxgate.config.litellm;

import dev.voxgate.config.RedisSettings;
import dev.voxgate.config.ResponseCacheSettings;
import dev.voxgate.config.ResponseCacheSettings.Store;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads LiteLLM's {@code litellm_settings.cache} and {@code cache_params} ({@code type}: {@code local} by default, or
 * {@code redis}; {@code ttl} in seconds) into {@link ResponseCacheSettings}. A {@code redis} cache needs the Redis that
 * {@code router_settings.redis_*} or the environment's {@code REDIS_*} name; a Redis of the cache's own, as LiteLLM's
 * {@code cache_params.host} names one, is refused rather than silently replaced by another.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class ResponseCacheReader {

    static final String CACHE = "cache";
    static final String CACHE_PARAMS = "cache_params";
    // LiteLLM's cache_params keys that point its cache at a server of its own.
    private static final Set<String> OWN_SERVER = Set.of("host", "port", "password", "username", "url", "redis_url",
            "ssl", "startup_nodes", "redis_startup_nodes", "sentinel_nodes", "service_name");
    private static final String SUPPORTED = Arrays.stream(Store.values()).map(Store::configName)
            .collect(Collectors.joining(" or "));

    private final ValueReader values;

    ResponseCacheReader(ValueReader values) {
        this.values = values;
    }

    /** The cache {@code litellm_settings} asks for, if any; {@code redis} is the shared state's Redis, if named. */
    Optional<ResponseCacheSettings> read(Mapping litellmSettings, Optional<RedisSettings> redis) {
        YamlNode cache = litellmSettings.entries().get(CACHE);
        YamlNode params = litellmSettings.entries().get(CACHE_PARAMS);
        if (cache == null || !values.flag(cache).orElse(false)) {
            if (params != null) {
                values.warn(params, "read only with litellm_settings.cache: true; the response cache is off");
            }
            return Optional.empty();
        }
        Store store = Store.LOCAL;
        Duration ttl = ResponseCacheSettings.DEFAULT_TTL;
        YamlNode typeNode = null;
        Map<String, YamlNode> entries = params == null ? Map.of()
                : values.mapping(params, "a map such as {type: redis, ttl: 600}").entries();
        for (Map.Entry<String, YamlNode> entry : entries.entrySet()) {
            YamlNode node = entry.getValue();
            switch (entry.getKey()) {
                case "type" -> {
                    store = store(node);
                    typeNode = node;
                }
                case "ttl" -> ttl = values.seconds(node, false).orElse(ttl);
                default -> {
                    if (OWN_SERVER.contains(entry.getKey())) {
                        throw values.error(node, "Voxgate's response cache uses the Redis the replicas share state "
                                + "through: name it with router_settings.redis_host, redis_port and redis_password "
                                + "(or redis_url), or REDIS_HOST / REDIS_URL in the environment, and remove this key");
                    }
                    values.ignore(node);
                }
            }
        }
        if (store == Store.REDIS && redis.isEmpty()) {
            throw values.error(typeNode, "a redis cache needs a Redis: set router_settings.redis_host (or "
                    + "redis_url), or REDIS_HOST / REDIS_URL in the environment; or use type: local");
        }
        return Optional.of(new ResponseCacheSettings(store, ttl));
    }

    private Store store(YamlNode node) {
        Optional<String> type = values.text(node).map(text -> text.strip().toLowerCase(Locale.ROOT));
        if (type.isEmpty()) {
            return Store.LOCAL;
        }
        return Arrays.stream(Store.values()).filter(store -> store.configName().equals(type.get())).findFirst()
                .orElseThrow(() -> values.error(node, "cache type '" + values.literal(node) + "' is not supported; "
                        + "use " + SUPPORTED + " (LiteLLM's s3, gcs, disk, qdrant-semantic and the others are not)"));
    }
}
