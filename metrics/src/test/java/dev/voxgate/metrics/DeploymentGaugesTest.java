package dev.voxgate.metrics;

import static dev.voxgate.metrics.Events.GROQ;
import static dev.voxgate.metrics.Events.OPENAI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.DeploymentStatuses;
import dev.voxgate.router.state.DeploymentLimits;
import dev.voxgate.router.state.RoutingState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class DeploymentGaugesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final RoutingState state = RoutingState.inMemory();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aRestingDeploymentReadsOneAndTheOthersZero() {
        bind(NOW);
        state.rest(OPENAI.id(), NOW.plusSeconds(30));

        assertThat(gauge(DeploymentGauges.RESTING, OPENAI)).isEqualTo(1);
        assertThat(gauge(DeploymentGauges.RESTING, GROQ)).isZero();
    }

    @Test
    void aRestThatEndedReadsZero() {
        state.rest(OPENAI.id(), NOW.minusSeconds(1));
        bind(NOW);

        assertThat(gauge(DeploymentGauges.RESTING, OPENAI)).isZero();
    }

    @Test
    void inFlightCountsTheAttemptsStartedAndNotFinished() {
        bind(NOW);
        state.tryStart(GROQ.id(), NOW, DeploymentLimits.none());
        state.tryStart(GROQ.id(), NOW, DeploymentLimits.none());

        assertThat(gauge(DeploymentGauges.IN_FLIGHT, GROQ)).isEqualTo(2);
        assertThat(gauge(DeploymentGauges.IN_FLIGHT, OPENAI)).isZero();
    }

    private void bind(Instant now) {
        new DeploymentGauges(new DeploymentStatuses(state, InstantSource.fixed(now)), Events.GROUPS)
                .bindTo(registry);
    }

    private double gauge(String name, Deployment deployment) {
        return registry.get(name).tags("model_group", deployment.modelName(), "deployment", deployment.id()).gauge()
                .value();
    }
}
