package dev.voxgate.metrics;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.DeploymentStatus;
import dev.voxgate.router.DeploymentStatuses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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
    // Shorter than any scrape interval, longer than one scrape takes.
    private static final long FRESH_FOR_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final DeploymentStatuses statuses;
    private final List<ModelGroup> groups;
    private volatile Reading reading;

    public DeploymentGauges(DeploymentStatuses statuses, Collection<ModelGroup> groups) {
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.groups = List.copyOf(groups);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ModelGroup group : groups) {
            for (Deployment deployment : group.deployments()) {
                gauge(registry, RESTING, deployment, status -> status.resting() ? 1 : 0,
                        "1 while the deployment rests (cools down) after failures, else 0");
                gauge(registry, IN_FLIGHT, deployment, DeploymentStatus::inFlight,
                        "Provider calls under way on the deployment");
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, Deployment deployment,
                       ToDoubleFunction<DeploymentStatus> reading, String description) {
        Gauge.builder(name, this, gauges -> reading.applyAsDouble(gauges.latest().get(deployment.id())))
                .tags(MeterLabels.deployment(deployment)).description(description).strongReference(true)
                .register(registry);
    }

    // One reading of every deployment serves all the gauges of a scrape: with the state in Redis that is one round
    // trip, not two for each deployment.
    private Map<String, DeploymentStatus> latest() {
        Reading current = reading;
        long now = System.nanoTime();
        if (current == null || now - current.takenAt() > FRESH_FOR_NANOS) {
            Map<String, DeploymentStatus> byId = new HashMap<>();
            statuses.of(groups).forEach(status -> byId.putIfAbsent(status.deployment().id(), status));
            current = new Reading(now, byId);
            reading = current;
        }
        return current.statuses();
    }

    private record Reading(long takenAt, Map<String, DeploymentStatus> statuses) {
    }
}
