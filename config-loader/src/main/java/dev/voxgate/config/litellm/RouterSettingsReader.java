package dev.voxgate.config.litellm;

import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.router.RouterSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code router_settings}, and the router settings LiteLLM also takes from {@code litellm_settings}, into
 * {@link RouterSettings}. When both sections set the same thing, {@code router_settings} wins and the
 * {@code litellm_settings} key gets a warning; {@code litellm_settings.request_timeout} is
 * {@code router_settings.timeout}.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class RouterSettingsReader {

    private static final String FALLBACKS = "fallbacks";
    private static final String DEFAULT_FALLBACKS = "default_fallbacks";
    private static final Map<String, String> FROM_LITELLM_SETTINGS = Map.of(
            "num_retries", "num_retries", "request_timeout", "timeout", FALLBACKS, FALLBACKS,
            DEFAULT_FALLBACKS, DEFAULT_FALLBACKS, "cooldown_time", "cooldown_time", "allowed_fails", "allowed_fails");
    private static final Set<String> ROUTER_KEYS = Set.of("num_retries", "timeout", "cooldown_time", "allowed_fails",
            "disable_cooldowns", "max_fallbacks", "routing_strategy", FALLBACKS, DEFAULT_FALLBACKS,
            "routing_strategy_args", "default_max_parallel_requests", "allowed_fails_policy", "retry_policy",
            "retry_after", "disable_fallbacks", "total_timeout", "chunking");

    private final ValueReader values;
    private final FallbacksReader fallbacks;
    private final RouterPolicyReader policies;
    private final ChunkingReader chunking;

    RouterSettingsReader(ValueReader values, FallbacksReader fallbacks) {
        this.values = values;
        this.fallbacks = fallbacks;
        this.policies = new RouterPolicyReader(values);
        this.chunking = new ChunkingReader(values);
    }

    RouterSettings read(Mapping routerSettings, Mapping litellmSettings) {
        Map<String, YamlNode> settings = new LinkedHashMap<>();
        litellmSettings.entries().forEach((key, node) -> {
            if (LiteLlmConfigReader.PROXY_LITELLM_SETTINGS.contains(key)) {
                return; // read with the model list (drop_params), the general settings or the response cache
            }
            String routerKey = FROM_LITELLM_SETTINGS.get(key);
            YamlNode winner = routerKey == null ? null : routerSettings.entries().get(routerKey);
            if (routerKey == null) {
                values.ignore(node);
            } else if (winner != null && !(winner instanceof Scalar scalar && scalar.isNull())) {
                values.warn(node, "router_settings." + routerKey + " (line " + winner.line() + ") is used instead");
            } else {
                settings.put(routerKey, node);
            }
        });
        routerSettings.entries().forEach((key, node) -> {
            if (ROUTER_KEYS.contains(key)) {
                settings.put(key, node);
            } else if (!RedisSettingsReader.KEYS.contains(key)) {
                values.ignore(node);
            }
        });
        RouterSettings.Builder builder = RouterSettings.builder();
        settings.forEach((key, node) -> apply(builder, key, node));
        return builder.fallbacks(fallbacks(settings.get(FALLBACKS), settings.get(DEFAULT_FALLBACKS))).build();
    }

    private void apply(RouterSettings.Builder builder, String key, YamlNode node) {
        switch (key) {
            case "num_retries" -> values.count(node).ifPresent(builder::numRetries);
            case "timeout" -> values.seconds(node, false).ifPresent(builder::attemptTimeout);
            case "cooldown_time" -> values.seconds(node, true).ifPresent(builder::cooldownTime);
            case "allowed_fails" -> values.count(node).ifPresent(builder::allowedFails);
            case "disable_cooldowns" -> values.flag(node).ifPresent(builder::disableCooldowns);
            case "max_fallbacks" -> values.count(node).ifPresent(builder::maxFallbacks);
            case "routing_strategy" -> policies.strategy(node).ifPresent(builder::routingStrategy);
            case "routing_strategy_args" -> builder.routingStrategyArgs(policies.strategyArgs(node));
            case "default_max_parallel_requests" -> values.count(node).ifPresent(builder::defaultMaxParallelRequests);
            case "allowed_fails_policy" -> builder.allowedFailsPolicy(policies.allowedFailsPolicy(node));
            case "retry_policy" -> builder.retryPolicy(policies.retryPolicy(node));
            case "retry_after" -> values.seconds(node, true).ifPresent(builder::retryAfter);
            case "disable_fallbacks" -> values.flag(node).ifPresent(builder::disableFallbacks);
            case "total_timeout" -> values.seconds(node, false).ifPresent(builder::totalTimeout);
            case "chunking" -> builder.chunking(chunking.read(node));
            case FALLBACKS, DEFAULT_FALLBACKS -> {
                // read together, since both fill the one fallback map
            }
            default -> throw new IllegalStateException("no reader for router setting " + key);
        }
    }

    private Map<String, List<String>> fallbacks(YamlNode byGroup, YamlNode forEveryGroup) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (byGroup != null) {
            result.putAll(fallbacks.fallbacks(byGroup));
        }
        if (forEveryGroup != null) {
            List<String> targets = fallbacks.targets(forEveryGroup, RouterSettings.ANY_GROUP);
            if (result.containsKey(RouterSettings.ANY_GROUP)) {
                throw values.error(forEveryGroup, "default_fallbacks and the \"*\" entry of fallbacks both set the "
                        + "fallbacks of every group: keep one of them");
            }
            if (!targets.isEmpty()) {
                result.put(RouterSettings.ANY_GROUP, targets);
            }
        }
        return result;
    }
}
