package dev.voxgate.providers.spi;

import dev.voxgate.core.EnvironmentSource;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What every adapter shares: one HTTP client (one connection pool; per-deployment timeouts through
 * {@link OkHttpClient#newBuilder()}), and the environment that supplies default keys and base URLs.
 *
 * @param httpClient  the shared client
 * @param environment where {@code OPENAI_API_KEY} and friends are read
 */
public record ProviderContext(OkHttpClient httpClient, EnvironmentSource environment) {
    public ProviderContext {
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(environment, "environment");
    }
}
