package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.model.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Connects deployments to the scripted ports registered for their ids, and knows a few direct models. */
final class FakeConnector implements DeploymentConnector {

    private final Map<String, TranscriptionPort> ports = new ConcurrentHashMap<>();
    private final Map<String, Deployment> directModels = new ConcurrentHashMap<>();
    private final List<String> connected = new CopyOnWriteArrayList<>();

    FakeConnector port(String deploymentId, TranscriptionPort port) {
        ports.put(deploymentId, port);
        return this;
    }

    FakeConnector direct(String model, Deployment deployment, TranscriptionPort port) {
        directModels.put(model, deployment);
        return port(deployment.id(), port);
    }

    @Override
    public TranscriptionPort connect(Deployment deployment) {
        connected.add(deployment.id());
        TranscriptionPort port = ports.get(deployment.id());
        if (port == null) {
            throw new TranscriptionException(new ModelNotFound("no port for " + deployment.id()));
        }
        return port;
    }

    @Override
    public Optional<Deployment> direct(String model) {
        return Optional.ofNullable(directModels.get(model));
    }

    List<String> connected() {
        return List.copyOf(connected);
    }
}
