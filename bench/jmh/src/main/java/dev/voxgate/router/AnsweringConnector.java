package dev.voxgate.router;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector whose every deployment answers the same transcript at once, and which knows no {@code provider/model}
 * route: the vendor call left out, so that a benchmark measures what the router and its state cost.
 */
public final class AnsweringConnector implements DeploymentConnector {

    private final Transcription answer;

    public AnsweringConnector(Transcription answer) {
        this.answer = Objects.requireNonNull(answer, "answer");
    }

    @Override
    public TranscriptionPort connect(Deployment deployment) {
        return request -> answer;
    }

    @Override
    public Optional<Deployment> direct(String model) {
        return Optional.empty();
    }
}
