package dev.voxgate.metrics;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.RoutingListener.AttemptEnded;
import dev.voxgate.router.RoutingListener.RequestEnded;
import dev.voxgate.router.RoutingReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The config and the router events the metrics tests replay. */
final class Events {

    static final Deployment OPENAI = Deployment.builder("openai-1", "whisper", "openai", "whisper-1").build();
    static final Deployment GROQ = Deployment.builder("groq-1", "whisper", "groq", "whisper-large-v3").build();
    static final Deployment BACKUP = Deployment.builder("azure-1", "backup", "azure", "whisper").build();
    static final List<ModelGroup> GROUPS = List.of(new ModelGroup("whisper", List.of(OPENAI, GROQ)),
            new ModelGroup("backup", List.of(BACKUP)));

    private Events() {
    }

    static AttemptEnded answered(Deployment deployment, Duration latency, double audioSeconds, String cost) {
        return new AttemptEnded(deployment.modelName(), deployment, false, latency, Optional.empty(),
                Optional.of(audioSeconds), new BigDecimal(cost));
    }

    static AttemptEnded failed(Deployment deployment, Duration latency, TranscriptionFailure failure) {
        return new AttemptEnded(deployment.modelName(), deployment, false, latency, Optional.of(failure),
                Optional.empty(), BigDecimal.ZERO);
    }

    static RequestEnded ended(AudioTask task, String requestedModel, Duration total,
                              Optional<TranscriptionFailure> failure) {
        RoutingReport report = new RoutingReport(requestedModel, requestedModel, Optional.empty(), List.of(),
                List.of(), List.of(), total, Duration.ZERO);
        return new RequestEnded(task, false, report, failure, Optional.empty());
    }
}
