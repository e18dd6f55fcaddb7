package dev.voxgate.metrics;

import static dev.voxgate.metrics.Events.BACKUP;
import static dev.voxgate.metrics.Events.GROQ;
import static dev.voxgate.metrics.Events.OPENAI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.RoutingListener.FallbackTaken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoutingMetricsTest {

    private static final TranscriptionFailure RATE_LIMITED =
            new TranscriptionFailure.RateLimited("slow down", Optional.empty());
    private static final TranscriptionFailure VENDOR_503 =
            new TranscriptionFailure.UpstreamUnavailable("overloaded", OptionalInt.of(503));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RoutingMetrics metrics = new RoutingMetrics(registry, Events.GROUPS);

    @Test
    void anAnsweredAttemptCountsASuccessItsLatencyItsAudioAndItsCostOnItsDeployment() {
        metrics.attemptEnded(Events.answered(OPENAI, Duration.ofMillis(1500), 3.0, "0.0003"));
        metrics.attemptEnded(Events.answered(OPENAI, Duration.ofMillis(500), 2.5, "0.00025"));

        assertThat(attempts(OPENAI, "success")).isEqualTo(2);
        Timer latency = registry.get(DeploymentMeters.LATENCY).tags("deployment", "openai-1").timer();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(deploymentCounter(DeploymentMeters.AUDIO, OPENAI)).isEqualTo(5.5);
        assertThat(deploymentCounter(DeploymentMeters.SPEND, OPENAI)).isCloseTo(0.00055, within(1e-12));
        assertThat(attempts(GROQ, "success")).isZero();
    }

    @Test
    void aFailedAttemptCountsUnderItsFailureKindInSnakeCaseAndCostsNothing() {
        metrics.attemptEnded(Events.failed(GROQ, Duration.ofMillis(80), RATE_LIMITED));
        metrics.attemptEnded(Events.failed(GROQ, Duration.ofMillis(90), VENDOR_503));

        assertThat(attempts(GROQ, "rate_limit")).isEqualTo(1);
        assertThat(attempts(GROQ, "server_error")).isEqualTo(1);
        assertThat(attempts(GROQ, "success")).isZero();
        assertThat(deploymentCounter(DeploymentMeters.SPEND, GROQ)).isZero();
        assertThat(deploymentCounter(DeploymentMeters.AUDIO, GROQ)).isZero();
    }

    @Test
    void everyConfiguredDeploymentHasItsSeriesBeforeAnyCall() {
        for (Deployment deployment : new Deployment[] {OPENAI, GROQ, BACKUP}) {
            assertThat(registry.get(DeploymentMeters.ATTEMPTS).tags("deployment", deployment.id(),
                    "provider", deployment.provider(), "model_group", deployment.modelName()).counters())
                    .extracting(counter -> counter.getId().getTag("outcome"))
                    .containsExactlyInAnyOrder("success", "bad_request", "authentication", "timeout", "rate_limit",
                            "server_error", "not_found");
            assertThat(registry.get(DeploymentMeters.LATENCY).tags("deployment", deployment.id()).timer().count())
                    .isZero();
            assertThat(deploymentCounter(DeploymentMeters.AUDIO, deployment)).isZero();
            assertThat(deploymentCounter(DeploymentMeters.SPEND, deployment)).isZero();
        }
    }

    @Test
    void aRequestCountsUnderTheStatusItsCallerWasAnsweredWith() {
        metrics.requestEnded(Events.ended(AudioTask.TRANSCRIBE, "whisper", Duration.ofSeconds(2), Optional.empty()));
        metrics.requestEnded(Events.ended(AudioTask.TRANSCRIBE, "whisper", Duration.ofSeconds(1),
                Optional.of(RATE_LIMITED)));
        metrics.requestEnded(Events.ended(AudioTask.TRANSCRIBE, "whisper", Duration.ofSeconds(1),
                Optional.of(VENDOR_503)));
        metrics.requestEnded(Events.ended(AudioTask.TRANSLATE, "backup", Duration.ofSeconds(4), Optional.empty()));

        assertThat(requests("transcriptions", "whisper", "200")).isEqualTo(1);
        assertThat(requests("transcriptions", "whisper", "429")).isEqualTo(1);
        assertThat(requests("transcriptions", "whisper", "503")).isEqualTo(1);
        assertThat(requests("translations", "backup", "200")).isEqualTo(1);
        Timer whisper = registry.get(RequestMeters.DURATION).tags("route", "transcriptions", "model_group", "whisper")
                .timer();
        assertThat(whisper.count()).isEqualTo(3);
        assertThat(whisper.totalTime(TimeUnit.SECONDS)).isEqualTo(4);
    }

    @Test
    void requestsForModelsThatAreNoConfiguredGroupCountUnderOneFixedValueAndAddNoSeries() {
        Set<String> before = seriesNames();

        for (int i = 0; i < 50; i++) {
            String model = "typo-" + UUID.randomUUID();
            metrics.requestEnded(Events.ended(AudioTask.TRANSCRIBE, model, Duration.ofMillis(1),
                    Optional.of(new TranscriptionFailure.ModelNotFound("Invalid model name: " + model))));
        }

        assertThat(seriesNames()).isEqualTo(before);
        assertThat(requests("transcriptions", MeterLabels.UNKNOWN_GROUP, "404")).isEqualTo(50);
        assertThat(seriesNames()).noneMatch(series -> series.contains("typo-"));
    }

    @Test
    void anAttemptOnARouteTheCallerNamedIsNotCounted() {
        Deployment direct = Deployment.builder("openai-1", "openai/whisper-1", "openai", "whisper-1").build();
        Set<String> before = seriesNames();

        metrics.attemptEnded(Events.answered(direct, Duration.ofSeconds(1), 3.0, "0.0003"));

        assertThat(seriesNames()).isEqualTo(before);
        assertThat(attempts(OPENAI, "success")).isZero();
        assertThat(deploymentCounter(DeploymentMeters.SPEND, OPENAI)).isZero();
    }

    @Test
    void fallbacksCountBetweenConfiguredGroupsAndAnyOtherNameIsTheFixedValue() {
        metrics.fallbackTaken(new FallbackTaken("whisper", "backup", VENDOR_503));
        metrics.fallbackTaken(new FallbackTaken("whisper", "backup", VENDOR_503));
        metrics.fallbackTaken(new FallbackTaken("backup", "openai/caller-chosen", VENDOR_503));

        assertThat(registry.get(RoutingMetrics.FALLBACKS).tags("from_group", "whisper", "to_group", "backup")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(RoutingMetrics.FALLBACKS).tags("from_group", "backup",
                "to_group", MeterLabels.UNKNOWN_GROUP).counter().count()).isEqualTo(1);
        assertThat(seriesNames()).noneMatch(series -> series.contains("caller-chosen"));
    }

    private double attempts(Deployment deployment, String outcome) {
        return registry.get(DeploymentMeters.ATTEMPTS).tags("deployment", deployment.id(), "outcome", outcome)
                .counter().count();
    }

    private double deploymentCounter(String name, Deployment deployment) {
        Counter counter = registry.get(name).tags("model_group", deployment.modelName(), "deployment",
                deployment.id()).counter();
        return counter.count();
    }

    private double requests(String route, String group, String status) {
        return registry.get(RequestMeters.REQUESTS).tags("route", route, "model_group", group, "status", status)
                .counter().count();
    }

    private Set<String> seriesNames() {
        return registry.getMeters().stream().map(Meter::getId).map(Meter.Id::toString).collect(Collectors.toSet());
    }
}
