package dev.voxgate.metrics;

import dev.voxgate.core.error.FailureStatus;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.RoutingListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Counts and times what a {@link dev.voxgate.router.Router} does, as Micrometer meters; register it with the router
 * as a listener. In Prometheus' names:
 * <ul>
 *   <li>{@code voxgate_requests_total{route,model_group,status}}: requests the router ended, by the HTTP status the
 *       caller was answered with ({@link FailureStatus}, 200 when answered);</li>
 *   <li>{@code voxgate_request_duration_seconds{route,model_group}}: their time, a histogram;</li>
 *   <li>{@code voxgate_deployment_attempts_total{model_group,deployment,provider,outcome}}: provider calls, the outcome
 *       {@code success} or the failure kind in snake case ({@code rate_limit}, {@code server_error}, ...);</li>
 *   <li>{@code voxgate_deployment_latency_seconds{model_group,deployment}}: their time, a histogram;</li>
 *   <li>{@code voxgate_audio_seconds_total} and {@code voxgate_spend_usd_total{model_group,deployment}}: the audio
 *       each attempt reported and what it cost;</li>
 *   <li>{@code voxgate_fallbacks_total{from_group,to_group}}: fallbacks taken.</li>
 * </ul>
 *
 * <p>Label values come from the config only: a request's {@code model_group} is the group it asked for when that is a
 * configured group, else {@code (unknown)}; attempts count only on configured deployments (a {@code provider/model}
 * route a caller named is not one). So no caller can add a series, and each configured deployment's series are
 * registered up front.
 *
 * <p>Thread-safe: one instance hears every concurrent call of its router.
 */
public final class RoutingMetrics implements RoutingListener {

    static final String FALLBACKS = "voxgate.fallbacks";

    private final MeterRegistry registry;
    private final MeterLabels labels;
    private final Map<String, DeploymentMeters> deployments;
    private final RequestMeters requests;

    /** Meters in {@code registry} for the deployments of {@code groups}, the configured groups. */
    public RoutingMetrics(MeterRegistry registry, Collection<ModelGroup> groups) {
        this.registry = Objects.requireNonNull(registry, "registry");
        List<ModelGroup> configured = List.copyOf(groups);
        this.labels = new MeterLabels(configured);
        this.deployments = configured.stream().flatMap(group -> group.deployments().stream())
                .collect(Collectors.toUnmodifiableMap(Deployment::id,
                        deployment -> new DeploymentMeters(registry, deployment)));
        this.requests = new RequestMeters(registry, configured.stream().map(ModelGroup::name).toList());
    }

    @Override
    public void attemptEnded(AttemptEnded event) {
        DeploymentMeters meters = deployments.get(event.deployment().id());
        if (meters != null && meters.serves(event.group())) {
            meters.record(event);
        }
    }

    @Override
    public void fallbackTaken(FallbackTaken event) {
        Counter.builder(FALLBACKS).tag(MeterLabels.FROM_GROUP, labels.group(event.fromGroup()))
                .tag(MeterLabels.TO_GROUP, labels.group(event.toGroup()))
                .description("Fallbacks to another group after a group failed").register(registry).increment();
    }

    @Override
    public void requestEnded(RequestEnded event) {
        int status = event.failure().map(FailureStatus::of).orElse(200);
        requests.record(event.task(), labels.group(event.report().requestedModel()), status,
                event.report().totalTime());
    }
}
