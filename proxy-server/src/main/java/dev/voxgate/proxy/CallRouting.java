package dev.voxgate.proxy;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.DeploymentConnector;
import dev.voxgate.router.Router;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a parsed transcription goes: the proxy's router, or, for a call that brought its own credentials (only when
 * {@code general_settings.allow_client_side_credentials} is on), a one-off router over the same deployments and
 * settings with the caller's credentials on the named group's deployments, as the SDK's one-call
 * {@code Voxgate.transcription} builds one. The one-off router shares no cooldowns or counts with the proxy's, so a
 * caller's wrong key never rests a deployment for everyone else.
 *
 * <p>Immutable and thread-safe.
 */
final class CallRouting {

    private final Router router;
    private final Optional<DeploymentConnector> clientCredentialConnector;

    private CallRouting(Router router, Optional<DeploymentConnector> clientCredentialConnector) {
        this.router = Objects.requireNonNull(router, "router");
        this.clientCredentialConnector = clientCredentialConnector;
    }

    /** Every call on {@code router}; client credentials are refused. */
    static CallRouting refusingClientCredentials(Router router) {
        return new CallRouting(router, Optional.empty());
    }

    /** Calls on {@code router}; with {@code allowClientCredentials}, calls with a caller's own over {@code connector}. */
    static CallRouting of(Router router, DeploymentConnector connector, boolean allowClientCredentials) {
        Objects.requireNonNull(connector, "connector");
        return new CallRouting(router, allowClientCredentials ? Optional.of(connector) : Optional.empty());
    }

    boolean allowsClientCredentials() {
        return clientCredentialConnector.isPresent();
    }

    Router router() {
        return router;
    }

    /** The router for {@code form}: the proxy's, or a one-off over the caller's own credentials. */
    Router routerFor(TranscriptionForm form) {
        return form.credentials().isEmpty() ? router : oneOff(form.request().model(), form.credentials());
    }

    // Every group is kept, unchanged but the named one, so that the configured fallbacks still name known groups.
    private Router oneOff(String group, ClientCredentials credentials) {
        List<Deployment> deployments = router.modelGroups().stream()
                .flatMap(modelGroup -> modelGroup.deployments().stream())
                .map(deployment -> deployment.modelName().equals(group) ? credentials.applyTo(deployment) : deployment)
                .toList();
        return Router.builder()
                .connector(clientCredentialConnector.orElseThrow())
                .deployments(deployments)
                .settings(router.settings())
                .allowDirectModels(false)
                .build();
    }
}
