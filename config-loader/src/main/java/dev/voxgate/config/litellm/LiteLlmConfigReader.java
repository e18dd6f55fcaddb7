package dev.voxgate.config.litellm;

import dev.voxgate.config.KnownProviders;
import dev.voxgate.config.ConfigWarning;
import dev.voxgate.config.DatabaseSettings;
import dev.voxgate.config.GeneralSettings;
import dev.voxgate.config.RedisSettings;
import dev.voxgate.config.ResponseCacheSettings;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.config.litellm.ModelListReader.ModelList;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.Secret;
import dev.voxgate.router.RouterSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the text of a LiteLLM {@code config.yaml} into a {@link VoxgateConfig}; {@link
 * dev.voxgate.config.ConfigLoader} is the entry point most code wants. Sections: {@code model_list},
 * {@code router_settings}, {@code litellm_settings}, {@code general_settings} and {@code environment_variables}; the
 * file's {@code environment_variables} are layered over the given environment before any {@code os.environ/NAME} is
 * resolved.
 *
 * <p>Immutable and thread-safe: each read keeps its state to itself.
 */
final class LiteLlmConfigReader {

    private static final String SETTINGS_SHAPE = "a map of settings";
    private static final String MASTER_KEY_VARIABLE = "LITELLM_MASTER_KEY";
    private static final Set<String> SECTIONS = Set.of("model_list", "router_settings", "litellm_settings",
            "general_settings", "environment_variables");
    // Top-level sections of LiteLLM's proxy config that Voxgate does not read, so they warn without a typo hint.
    private static final Set<String> OTHER_LITELLM_SECTIONS = Set.of("include", "credential_list", "mcp_servers",
            "guardrails", "files_settings", "assistant_settings", "callback_settings", "vector_store_registry",
            "search_tools", "finetune_settings", "prompts");

    static final String DROP_PARAMS = "drop_params";
    static final String REQUIRE_AUTH_FOR_METRICS = "require_auth_for_metrics_endpoint";
    static final String JSON_LOGS = "json_logs";
    /** The {@code litellm_settings} keys read here rather than as router settings. */
    static final Set<String> PROXY_LITELLM_SETTINGS = Set.of(DROP_PARAMS, REQUIRE_AUTH_FOR_METRICS, JSON_LOGS,
            ResponseCacheReader.CACHE, ResponseCacheReader.CACHE_PARAMS);

    private final EnvironmentSource environment;
    private final KnownProviders providers;

    /**
     * @param environment     where {@code os.environ/NAME} and {@code LITELLM_MASTER_KEY} are read
     * @param providers the supported providers and what their deployments take
     */
    LiteLlmConfigReader(EnvironmentSource environment, KnownProviders providers) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    /**
     * Reads {@code yaml}; {@code source} names it in messages and becomes {@link VoxgateConfig#source()}.
     *
     * @throws dev.voxgate.config.ConfigException when the text is not a usable config
     */
    public VoxgateConfig read(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        List<ConfigWarning> warnings = new ArrayList<>();
        YamlNode root = new YamlTreeParser(source, warnings).parse(yaml);
        ValueReader literal = new ValueReader(source, environment, warnings);
        Mapping sections = literal.mapping(root, "a map of sections such as model_list and router_settings");
        sections.entries().forEach((key, node) -> warnUnlessSection(literal, key, node));
        Map<String, String> variables = environmentVariables(literal,
                literal.mapping(sections, "environment_variables", "a map of NAME: value"));
        ValueReader values = literal.withEnvironment(environment.withOverrides(variables));
        Mapping litellmSettings = values.mapping(sections, "litellm_settings", SETTINGS_SHAPE);
        // litellm_settings.drop_params is LiteLLM's global default; a deployment's own drop_params overrides it.
        ModelList models = new ModelListReader(values, providers, flag(values, litellmSettings, DROP_PARAMS))
                .read(sections);
        FallbacksReader fallbacks = new FallbacksReader(values, models.groups(), models.skippedGroups());
        Mapping routerSection = values.mapping(sections, "router_settings", SETTINGS_SHAPE);
        RouterSettings routerSettings = new RouterSettingsReader(values, fallbacks).read(routerSection,
                litellmSettings);
        Mapping generalSection = values.mapping(sections, "general_settings", SETTINGS_SHAPE);
        GeneralSettings generalSettings = generalSettings(values, generalSection, litellmSettings);
        Optional<DatabaseSettings> database = new DatabaseSettingsReader(values).read(generalSection);
        Optional<RedisSettings> redis = new RedisSettingsReader(values).read(routerSection);
        Optional<ResponseCacheSettings> responseCache = new ResponseCacheReader(values).read(litellmSettings, redis);
        warnings.sort(Comparator.comparingInt(ConfigWarning::line));
        return new VoxgateConfig(source, models.deployments(), routerSettings, generalSettings, variables, warnings,
                redis, responseCache, database);
    }

    // A flag of litellm_settings: off when absent or left empty.
    private static boolean flag(ValueReader values, Mapping section, String key) {
        YamlNode node = section.entries().get(key);
        return node != null && values.flag(node).orElse(false);
    }

    private static void warnUnlessSection(ValueReader values, String key, YamlNode node) {
        if (OTHER_LITELLM_SECTIONS.contains(key)) {
            values.ignore(node);
        } else if (!SECTIONS.contains(key)) {
            values.warn(node, "unknown section; ignored (Voxgate reads " + String.join(", ", sorted(SECTIONS)) + ")");
        }
    }

    private static Map<String, String> environmentVariables(ValueReader values, Mapping section) {
        Map<String, String> variables = new LinkedHashMap<>();
        section.entries().forEach((name, node) -> variables.put(name, values.literal(node)));
        return variables;
    }

    // LiteLLM falls back to LITELLM_MASTER_KEY when general_settings has no master_key.
    private static GeneralSettings generalSettings(ValueReader values, Mapping section, Mapping litellmSettings) {
        Optional<Secret> masterKey = Optional.empty();
        boolean clientCredentials = false;
        Duration drain = GeneralSettings.DEFAULT_GRACEFUL_SHUTDOWN_TIMEOUT;
        Optional<Long> maxUpload = Optional.empty();
        for (Map.Entry<String, YamlNode> entry : section.entries().entrySet()) {
            YamlNode node = entry.getValue();
            switch (entry.getKey()) {
                case "master_key" -> masterKey = values.secret(node);
                case "allow_client_side_credentials" -> clientCredentials = values.flag(node).orElse(false);
                case "graceful_shutdown_timeout" -> drain = values.seconds(node, true).orElse(drain);
                case "max_request_size_mb" -> maxUpload = megabytes(values, node);
                default -> {
                    if (!DatabaseSettingsReader.KEYS.contains(entry.getKey())) {
                        values.ignore(node);
                    }
                }
            }
        }
        Optional<Secret> key = masterKey.or(() -> values.environment().get(MASTER_KEY_VARIABLE).map(Secret::of));
        return new GeneralSettings(key, clientCredentials, drain, maxUpload,
                requireAuthForMetrics(values, litellmSettings, key.isPresent()),
                flag(values, litellmSettings, JSON_LOGS));
    }

    // With no master key there is nothing to check a scraper's key against: /metrics stays open, and the file is told.
    private static boolean requireAuthForMetrics(ValueReader values, Mapping litellmSettings, boolean masterKey) {
        boolean required = flag(values, litellmSettings, REQUIRE_AUTH_FOR_METRICS);
        if (required && !masterKey) {
            values.warn(litellmSettings.entries().get(REQUIRE_AUTH_FOR_METRICS), "there is no master key "
                    + "(general_settings.master_key or LITELLM_MASTER_KEY), so /metrics stays open like every route");
        }
        return required;
    }

    private static Optional<Long> megabytes(ValueReader values, YamlNode node) {
        Optional<Double> megabytes = values.nonNegative(node);
        if (megabytes.isPresent() && megabytes.get() == 0) {
            throw values.error(node, "must be more than 0 (megabytes of the largest upload the proxy accepts)");
        }
        return megabytes.map(mb -> (long) (mb * 1024 * 1024));
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
