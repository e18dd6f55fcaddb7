package dev.voxgate.metrics;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.RoutingListener.AttemptEnded;
import dev.voxgate.router.state.FailureKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;

/**
 * The meters of one configured deployment, all registered when it is created, so that its series exist (at zero) from
 * the start and no event ever adds one: attempts by outcome, attempt latency, audio seconds and spend.
 *
 * <p>Thread-safe, as Micrometer's meters are.
 */
final class DeploymentMeters {

    static final String ATTEMPTS = "voxgate.deployment.attempts";
    static final String LATENCY = "voxgate.deployment.latency";
    static final String AUDIO = "voxgate.audio.seconds";
    static final String SPEND = "voxgate.spend.usd";

    private final String group;
    private final Counter answered;
    private final Map<FailureKind, Counter> failed = new EnumMap<>(FailureKind.class);
    private final Timer latency;
    private final Counter audioSeconds;
    private final Counter spend;

    DeploymentMeters(MeterRegistry registry, Deployment deployment) {
        this.group = deployment.modelName();
        Tags labels = MeterLabels.deployment(deployment);
        Tags attemptLabels = labels.and(MeterLabels.PROVIDER, deployment.provider());
        this.answered = attempts(registry, attemptLabels, MeterLabels.SUCCESS);
        for (FailureKind kind : FailureKind.values()) {
            failed.put(kind, attempts(registry, attemptLabels, MeterLabels.outcome(kind)));
        }
        this.latency = Timer.builder(LATENCY).tags(labels)
                .description("How long each provider call took, answered or failed")
                .serviceLevelObjectives(MeterLabels.TIME_BUCKETS).register(registry);
        this.audioSeconds = Counter.builder(AUDIO).tags(labels).baseUnit("seconds")
                .description("Seconds of audio the deployment transcribed or translated").register(registry);
        this.spend = Counter.builder(SPEND).tags(labels)
                .description("US dollars the deployment's vendor is paid, at the configured or built-in price")
                .register(registry);
    }

    /** Whether an attempt made for {@code groupName} is one of this deployment's group. */
    boolean serves(String groupName) {
        return group.equals(groupName);
    }

    void record(AttemptEnded attempt) {
        latency.record(attempt.latency());
        attempt.failureKind().map(failed::get).orElse(answered).increment();
        attempt.audioSeconds().ifPresent(audioSeconds::increment);
        spend.increment(attempt.cost().doubleValue());
    }

    private static Counter attempts(MeterRegistry registry, Tags labels, String outcome) {
        return Counter.builder(ATTEMPTS).tags(labels).tag(MeterLabels.OUTCOME, outcome)
                .description("Provider calls, by how they ended").register(registry);
    }
}
