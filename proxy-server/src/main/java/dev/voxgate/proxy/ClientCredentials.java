package dev.voxgate.proxy;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the deployment credentials a caller sent for its own call ({@code api_key}, {@code api_base},
 * {@code api_version}) into the router's {@link CallerCredentials}. They are refused unless
 * {@code general_settings.allow_client_side_credentials} is on; then the router applies them over the named group's
 * deployments for that one call, on the shared deployments, so their limits, counts and cooldowns hold. A base URL or
 * an API version needs the caller's own {@code api_key} ({@link CallerCredentials}' rule), so that the proxy's keys
 * only ever go to the endpoints and versions in its config. Other deployment parameters
 * ({@code custom_llm_provider}, {@code organization}, …) stay refused.
 *
 * <p>Stateless and thread-safe.
 */
final class ClientCredentials {

    // Deployment parameters: sent by a client, they would point the proxy's keys elsewhere or swap them.
    private static final Set<String> DEPLOYMENT_PARAMETERS = Set.of("api_key", "api_base", "base_url", "api_version",
            "custom_llm_provider", "organization", "azure_ad_token");
    private static final Set<String> OVERRIDABLE = Set.of("api_key", "api_base", "api_version");

    private ClientCredentials() {
    }

    /** Whether {@code name} (without {@code []}, any case) is a deployment parameter, never a vendor parameter. */
    static boolean isDeploymentParameter(String name) {
        return DEPLOYMENT_PARAMETERS.contains(FormFields.baseName(name).toLowerCase(Locale.ROOT));
    }

    /**
     * The credentials in {@code form}, {@link CallerCredentials#NONE} when none were sent; refuses any deployment
     * parameter a client may not set, and a base URL or API version without the caller's own key.
     */
    static CallerCredentials read(FormFields form, boolean allowed) {
        for (String name : form.names()) {
            if (isDeploymentParameter(name) && !(allowed && OVERRIDABLE.contains(name))) {
                throw refusal(FormFields.baseName(name), allowed);
            }
        }
        if (!allowed) {
            return CallerCredentials.NONE;
        }
        CallerCredentials credentials;
        try {
            credentials = new CallerCredentials(text(form, "api_key").map(Secret::of), text(form, "api_base"),
                    text(form, "api_version"));
        } catch (TranscriptionException e) {
            throw new RequestRejected(OpenAiError.of(e.failure()));
        }
        credentials.apiBase().ifPresent(ClientCredentials::requireHttpUrl);
        return credentials;
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

    private static void requireHttpUrl(String base) {
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
