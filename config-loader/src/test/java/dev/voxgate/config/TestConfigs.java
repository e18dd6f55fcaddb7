package dev.voxgate.config;

import dev.voxgate.config.litellm.ConfigLoader;
import dev.voxgate.core.EnvironmentSource;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Shared test inputs: the providers Voxgate knows, an environment with keys, and the YAML files under resources. */
final class TestConfigs {

    static final KnownProviders PROVIDERS = Set.of("openai", "azure", "groq", "deepgram", "fireworks_ai")::contains;

    /** Values that must never show up in a message, a warning or a {@code toString()}. */
    static final Map<String, String> KEYS = Map.of(
            "OPENAI_API_KEY", "sk-openai-secret-0001",
            "AZURE_API_KEY", "azure-secret-0002",
            "AZURE_EUROPE_API_KEY", "azure-eu-secret-0003",
            "DEEPGRAM_API_KEY", "deepgram-secret-0004",
            "LITELLM_MASTER_KEY", "sk-master-secret-0005",
            "REDIS_PASSWORD", "redis-secret-0006",
            "DATABASE_PASSWORD", "db-secret-0007");

    static final Map<String, String> ENVIRONMENT = with(KEYS, Map.of(
            "AZURE_API_BASE", "https://voxgate-test.openai.azure.com",
            "AZURE_EUROPE_API_BASE", "https://voxgate-eu.openai.azure.com",
            "REDIS_HOST", "redis.internal",
            "DATABASE_URL", "postgresql://litellm:db-secret-0007@db.internal:5432/litellm?sslmode=require"));

    private TestConfigs() {
    }

    static ConfigLoader loader() {
        return loader(ENVIRONMENT);
    }

    static ConfigLoader loader(Map<String, String> environment) {
        return loader(environment, PROVIDERS);
    }

    static ConfigLoader loader(Map<String, String> environment, KnownProviders providers) {
        return new ConfigLoader(EnvironmentSource.of(environment), providers);
    }

    static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(base);
        merged.putAll(more);
        return merged;
    }

    static Map<String, String> without(Map<String, String> base, String name) {
        Map<String, String> copy = new HashMap<>(base);
        copy.remove(name);
        return copy;
    }

    /** A file under {@code src/test/resources}, e.g. {@code litellm/audio-guide-single.yaml}. */
    static Path resource(String name) {
        URL url = Objects.requireNonNull(TestConfigs.class.getResource("/" + name), name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
