package dev.voxgate.metrics;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.DeploymentStatus;
import dev.voxgate.router.DeploymentStatuses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of each configured deployment's live state, read from {@link DeploymentStatuses} when scraped:
 * {@code voxgate_deployment_resting{model_group,deployment}} (1 while it rests after failures, else 0) and
 * {@code voxgate_deployment_in_flight{model_group,deployment}} (its provider calls under way).
 *
 * <p>Immutable and thread-safe; each reading asks the routing state afresh.
 */
public final class DeploymentGauges implements MeterBinder {

    static final String RESTING = "voxgate.deployment.resting";
    static final String IN_FLIGHT = "voxgate.deployment.in_flight";

    private final DeploymentStatuses statuses;
    private final List<ModelGroup> groups;

    public DeploymentGauges(DeploymentStatuses statuses, Collection<ModelGroup> groups) {
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.groups = List.copyOf(groups);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ModelGroup group : groups) {
            for (Deployment deployment : group.deployments()) {
                // A group of this deployment alone, so that a reading asks the state about one deployment, not all.
                List<ModelGroup> alone = List.of(new ModelGroup(group.name(), List.of(deployment)));
                gauge(registry, RESTING, deployment, alone, status -> status.resting() ? 1 : 0,
                        "1 while the deployment rests (cools down) after failures, else 0");
                gauge(registry, IN_FLIGHT, deployment, alone, DeploymentStatus::inFlight,
                        "Provider calls under way on the deployment");
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, Deployment deployment, List<ModelGroup> alone,
                       ToDoubleFunction<DeploymentStatus> reading, String description) {
        Gauge.builder(name, statuses, current -> reading.applyAsDouble(current.of(alone).getFirst()))
                .tags(MeterLabels.deployment(deployment)).description(description).strongReference(true)
                .register(registry);
    }
}
