package dev.voxgate.metrics;

import static dev.voxgate.metrics.Events.OPENAI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.router.DeploymentStatuses;
import dev.voxgate.router.RoutingListener.FallbackTaken;
import dev.voxgate.router.state.RoutingState;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The names and labels Prometheus sees, which its registry derives from the meters' names, units and types. */
class PrometheusNamesTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void theRouterMetersReachPrometheusUnderTheDocumentedNames() {
        RoutingMetrics metrics = new RoutingMetrics(registry, Events.GROUPS);
        new DeploymentGauges(new DeploymentStatuses(RoutingState.inMemory(),
                InstantSource.fixed(Instant.parse("2026-12-07T12:00:00Z"))), Events.GROUPS).bindTo(registry);

        metrics.attemptEnded(Events.answered(OPENAI, Duration.ofMillis(700), 3.0, "0.0003"));
        metrics.fallbackTaken(new FallbackTaken("whisper", "backup",
                new TranscriptionFailure.UpstreamUnavailable("down", OptionalInt.empty())));
        metrics.requestEnded(Events.ended(AudioTask.TRANSCRIBE, "whisper", Duration.ofMillis(800), Optional.empty()));
        String scrape = registry.scrape();

        assertThat(scrape).contains(
                "voxgate_requests_total{model_group=\"whisper\",route=\"transcriptions\",status=\"200\"} 1.0",
                "voxgate_request_duration_seconds_bucket{model_group=\"whisper\",route=\"transcriptions\","
                        + "le=\"1.0\"} 1",
                "voxgate_deployment_attempts_total{deployment=\"openai-1\",model_group=\"whisper\",outcome=\"success\","
                        + "provider=\"openai\"} 1.0",
                "voxgate_deployment_latency_seconds_bucket{deployment=\"openai-1\",model_group=\"whisper\","
                        + "le=\"1.0\"} 1",
                "voxgate_audio_seconds_total{deployment=\"openai-1\",model_group=\"whisper\"} 3.0",
                "voxgate_spend_usd_total{deployment=\"openai-1\",model_group=\"whisper\"} 3.0E-4",
                "voxgate_fallbacks_total{from_group=\"whisper\",to_group=\"backup\"} 1.0",
                "voxgate_deployment_resting{deployment=\"openai-1\",model_group=\"whisper\"} 0.0",
                "voxgate_deployment_in_flight{deployment=\"openai-1\",model_group=\"whisper\"} 0.0",
                "# TYPE voxgate_request_duration_seconds histogram",
                "# TYPE voxgate_deployment_latency_seconds histogram");
    }

    @Test
    void theJvmMetersAreBound() {
        try (JvmMeters jvm = new JvmMeters()) {
            jvm.bindTo(registry);
            assertThat(registry.scrape()).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ",
                    "jvm_classes_loaded_classes ", "process_uptime_seconds ", "system_cpu_count ");
        }
    }
}
