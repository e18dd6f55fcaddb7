package dev.voxgate.config.litellm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.config.RedisSettings;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.core.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads where shared state lives from {@code router_settings} ({@code redis_url}, or {@code redis_host},
 * {@code redis_port}, {@code redis_password}), else from the environment's {@code REDIS_URL} / {@code REDIS_HOST} /
 * {@code REDIS_PORT} / {@code REDIS_PASSWORD}, as LiteLLM does. Empty when neither names a server.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class RedisSettingsReader {

    static final Set<String> KEYS = Set.of("redis_url", "redis_host", "redis_port", "redis_password",
            "redis_startup_nodes");
    private static final String NODES_SHAPE = "a list of a Redis Cluster's nodes, e.g. [{host: 10.0.0.1, port: 7001}]";
    private static final Set<String> SCHEMES = Set.of("redis://", "rediss://", "redis-sentinel://",
            "rediss-sentinel://", "redis-socket://");

    private final ValueReader values;

    RedisSettingsReader(ValueReader values) {
        this.values = values;
    }

    Optional<RedisSettings> read(Mapping routerSettings) {
        Map<String, YamlNode> entries = routerSettings.entries();
        Optional<Secret> url = Optional.ofNullable(entries.get("redis_url")).flatMap(this::url);
        Optional<String> host = Optional.ofNullable(entries.get("redis_host")).flatMap(values::text);
        Optional<Integer> port = Optional.ofNullable(entries.get("redis_port")).flatMap(this::port);
        Optional<Secret> password = Optional.ofNullable(entries.get("redis_password")).flatMap(values::secret);
        YamlNode nodes = entries.get("redis_startup_nodes");
        if (nodes != null) {
            if (url.isPresent() || host.isPresent()) {
                throw values.error(nodes, "names a Redis Cluster, while redis_url or redis_host names one server: "
                        + "give one of them");
            }
            return Optional.of(new RedisSettings(Optional.empty(), Optional.empty(), Optional.empty(), password,
                    clusterNodes(nodes)));
        }
        if (url.isPresent() && host.isPresent()) {
            throw values.error(entries.get("redis_host"), "redis_url (line " + entries.get("redis_url").line()
                    + ") names the server already: give redis_url or redis_host, not both");
        }
        if (url.isEmpty() && host.isEmpty()) {
            if (port.isPresent() || password.isPresent()) {
                YamlNode stray = entries.getOrDefault("redis_port", entries.get("redis_password"));
                throw values.error(stray, "names no server: add redis_host (or redis_url)");
            }
            return fromEnvironment();
        }
        return Optional.of(new RedisSettings(url, host, port, password));
    }

    private Optional<RedisSettings> fromEnvironment() {
        Optional<String> url = values.environment().get("REDIS_URL").filter(text -> !text.isBlank());
        Optional<String> host = values.environment().get("REDIS_HOST").filter(text -> !text.isBlank());
        Optional<String> nodes = values.environment().get("REDIS_CLUSTER_NODES").filter(text -> !text.isBlank());
        Optional<Secret> password = values.environment().get("REDIS_PASSWORD").filter(text -> !text.isBlank())
                .map(Secret::of);
        if (nodes.isPresent() && url.isEmpty() && host.isEmpty()) {
            return Optional.of(new RedisSettings(Optional.empty(), Optional.empty(), Optional.empty(), password,
                    clusterNodes(nodes.get())));
        }
        if (url.isEmpty() && host.isEmpty()) {
            return Optional.empty();
        }
        if (url.isPresent()) {
            requireScheme(url.get(), "REDIS_URL");
            return Optional.of(new RedisSettings(url.map(Secret::of), Optional.empty(), Optional.empty(), password));
        }
        Optional<Integer> port = values.environment().get("REDIS_PORT").filter(text -> !text.isBlank()).map(text -> {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw values.error(0, "REDIS_PORT", "environment variable REDIS_PORT must be a port number, not '"
                        + text + "'");
            }
        });
        return Optional.of(new RedisSettings(Optional.empty(), host, port, password));
    }

    private List<String> clusterNodes(YamlNode node) {
        List<String> nodes = new ArrayList<>();
        for (YamlNode item : values.sequence(node, NODES_SHAPE).items()) {
            Mapping entry = values.mapping(item, "a node such as {host: 10.0.0.1, port: 7001}");
            String host = values.requiredText(entry, "host", "every cluster node needs its host");
            int port = Optional.ofNullable(entry.entries().get("port")).flatMap(this::port)
                    .orElse(RedisSettings.DEFAULT_PORT);
            nodes.add(host.strip() + ":" + port);
        }
        if (nodes.isEmpty()) {
            throw values.error(node, "is empty: " + NODES_SHAPE);
        }
        return nodes;
    }

    // LiteLLM's form: REDIS_CLUSTER_NODES='[{"host": "127.0.0.1", "port": "7001"}]'.
    private List<String> clusterNodes(String json) {
        List<String> nodes = new ArrayList<>();
        try {
            for (JsonNode node : new ObjectMapper().readTree(json)) {
                String host = node.path("host").asText("");
                int port = node.path("port").asInt(RedisSettings.DEFAULT_PORT);
                if (host.isBlank() || port < 1 || port > 65_535) {
                    throw new IllegalArgumentException("bad node " + node);
                }
                nodes.add(host + ":" + port);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            nodes.clear();
        }
        if (nodes.isEmpty()) {
            throw values.error(0, "REDIS_CLUSTER_NODES", "environment variable REDIS_CLUSTER_NODES must be a JSON "
                    + "list of nodes, e.g. [{\"host\": \"10.0.0.1\", \"port\": 7001}]");
        }
        return nodes;
    }

    private Optional<Secret> url(YamlNode node) {
        return values.secret(node).map(secret -> {
            if (SCHEMES.stream().noneMatch(secret.reveal()::startsWith)) {
                throw values.error(node, "must be a Redis URL: redis://host:6379, rediss:// for TLS, or "
                        + "redis-sentinel://host:26379#master");
            }
            return secret;
        });
    }

    private void requireScheme(String url, String variable) {
        if (SCHEMES.stream().noneMatch(url::startsWith)) {
            throw values.error(0, variable, "environment variable " + variable + " must be a Redis URL: "
                    + "redis://host:6379, rediss:// for TLS, or redis-sentinel://host:26379#master");
        }
    }

    private Optional<Integer> port(YamlNode node) {
        return values.count(node).map(port -> {
            if (port < 1 || port > 65_535) {
                throw values.error(node, "must be a port number (1 to 65535), not " + port);
            }
            return port;
        });
    }
}
