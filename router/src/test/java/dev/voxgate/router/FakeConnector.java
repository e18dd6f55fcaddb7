package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Connects deployments to the scripted ports registered for their ids (and, for a deployment that carries a given
 * key, to the port registered for that id and key), and knows a few direct models.
 */
final class FakeConnector implements DeploymentConnector {

    private final Map<String, TranscriptionPort> ports = new ConcurrentHashMap<>();
    private final Map<String, TranscriptionPort> portsByKey = new ConcurrentHashMap<>();
    private final Map<String, Deployment> directModels = new ConcurrentHashMap<>();
    private final List<Deployment> connected = new CopyOnWriteArrayList<>();

    FakeConnector port(String deploymentId, TranscriptionPort port) {
        if (port instanceof ScriptedPort scripted) {
            scripted.serving(deploymentId);
        }
        ports.put(deploymentId, port);
        return this;
    }

    /** The port that answers deployment {@code deploymentId} when it is connected with the key {@code apiKey}. */
    FakeConnector port(String deploymentId, String apiKey, ScriptedPort port) {
        port.serving(deploymentId + " with key " + apiKey);
        portsByKey.put(deploymentId + " " + apiKey, port);
        return this;
    }

    FakeConnector direct(String model, Deployment deployment, TranscriptionPort port) {
        directModels.put(model, deployment);
        return port(deployment.id(), port);
    }

    @Override
    public TranscriptionPort connect(Deployment deployment) {
        connected.add(deployment);
        TranscriptionPort port = deployment.apiKey().map(Secret::reveal)
                .map(key -> portsByKey.get(deployment.id() + " " + key))
                .orElseGet(() -> ports.get(deployment.id()));
        if (port == null) {
            throw new TranscriptionException(new ModelNotFound("no port for " + deployment.id()));
        }
        return port;
    }

    @Override
    public Optional<Deployment> direct(String model) {
        return Optional.ofNullable(directModels.get(model));
    }

    /** The ids of the deployments connected, in order. */
    List<String> connected() {
        return connected.stream().map(Deployment::id).toList();
    }

    /** The deployments connected, in order, as the connector received them. */
    List<Deployment> connectedDeployments() {
        return List.copyOf(connected);
    }
}
