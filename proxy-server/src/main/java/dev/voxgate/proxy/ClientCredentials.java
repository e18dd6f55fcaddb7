package dev.voxgate.proxy;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Deployment credentials a caller sent for its own call: {@code api_key}, {@code api_base} and {@code api_version}.
 * They are refused unless {@code general_settings.allow_client_side_credentials} is on; then they replace the
 * configured ones on the named group's deployments for that one call. A caller that sends the call elsewhere
 * ({@code api_base}) must bring its own {@code api_key}, so that the proxy's keys only ever go to the endpoints in
 * its config. Other deployment parameters ({@code custom_llm_provider}, {@code organization}, …) stay refused.
 *
 * <p>Immutable and thread-safe; the key is a {@link Secret}, so this record's string form never shows it.
 *
 * @param apiKey     the caller's own provider key
 * @param apiBase    the caller's own provider base URL
 * @param apiVersion the API version to call (Azure)
 */
record ClientCredentials(Optional<Secret> apiKey, Optional<String> apiBase, Optional<String> apiVersion) {

    static final ClientCredentials NONE = new ClientCredentials(Optional.empty(), Optional.empty(), Optional.empty());
    // Deployment parameters: sent by a client, they would point the proxy's keys elsewhere or swap them.
    private static final Set<String> DEPLOYMENT_PARAMETERS = Set.of("api_key", "api_base", "base_url", "api_version",
            "custom_llm_provider", "organization", "azure_ad_token");
    private static final Set<String> OVERRIDABLE = Set.of("api_key", "api_base", "api_version");

    ClientCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    /** Whether {@code name} (without {@code []}, any case) is a deployment parameter, never a vendor parameter. */
    static boolean isDeploymentParameter(String name) {
        return DEPLOYMENT_PARAMETERS.contains(FormFields.baseName(name).toLowerCase(Locale.ROOT));
    }

    /** The credentials in {@code form}; refuses any deployment parameter a client may not set. */
    static ClientCredentials read(FormFields form, boolean allowed) {
        for (String name : form.names()) {
            if (isDeploymentParameter(name) && !(allowed && OVERRIDABLE.contains(name))) {
                throw refusal(FormFields.baseName(name), allowed);
            }
        }
        if (!allowed) {
            return NONE;
        }
        ClientCredentials credentials = new ClientCredentials(text(form, "api_key").map(Secret::of),
                text(form, "api_base"), text(form, "api_version"));
        credentials.apiBase().ifPresent(base -> requireHttpUrl(base, credentials.apiKey().isPresent()));
        return credentials;
    }

    boolean isEmpty() {
        return apiKey.isEmpty() && apiBase.isEmpty() && apiVersion.isEmpty();
    }

    /** {@code deployment} with these credentials in place of its own. */
    Deployment applyTo(Deployment deployment) {
        Deployment.Builder builder = deployment.toBuilder();
        apiKey.ifPresent(builder::apiKey);
        apiBase.ifPresent(builder::apiBase);
        apiVersion.ifPresent(builder::apiVersion);
        return builder.build();
    }

    private static RequestRejected refusal(String name, boolean allowed) {
        return RequestRejected.badRequest(name, allowed
                ? "'" + name + "' cannot be set by a client; of the deployment parameters only api_key, api_base "
                        + "and api_version may be."
                : "'" + name + "' cannot be set by a client: deployment credentials and endpoints come from the "
                        + "proxy's config.");
    }

    private static Optional<String> text(FormFields form, String name) {
        return form.single(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static void requireHttpUrl(String base, boolean withKey) {
        if (!withKey) {
            throw RequestRejected.badRequest("api_key", "'api_base' needs 'api_key' too: the proxy sends its own "
                    + "keys only to the endpoints in its config.");
        }
        try {
            URI uri = new URI(base);
            String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw RequestRejected.badRequest("api_base", "'api_base' must be an http(s) URL such as "
                + "https://api.openai.com/v1.");
    }
}
