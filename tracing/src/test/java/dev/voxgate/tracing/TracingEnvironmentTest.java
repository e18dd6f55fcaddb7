package dev.voxgate.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.EnvironmentSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TracingEnvironmentTest {

    @Test
    void noVariableAndVariablesThatOnlyTuneLeaveTracingOff() {
        assertThat(TracingEnvironment.wanted(EnvironmentSource.of(Map.of()))).isFalse();
        assertThat(TracingEnvironment.wanted(EnvironmentSource.of(Map.of("OTEL_BSP_SCHEDULE_DELAY", "100",
                "OTEL_TRACES_SAMPLER", "always_on")))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
            "OTEL_TRACES_EXPORTER", "OTEL_SERVICE_NAME"})
    void anyOfTheSwitchesTurnsTracingOn(String variable) {
        assertThat(TracingEnvironment.wanted(EnvironmentSource.of(Map.of(variable, "otlp")))).isTrue();
    }

    @Test
    void aDisabledSdkOrNoExporterKeepsTracingOffWhateverElseIsSet() {
        assertThat(TracingEnvironment.wanted(EnvironmentSource.of(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://collector:4318", "OTEL_SDK_DISABLED", "TRUE")))).isFalse();
        assertThat(TracingEnvironment.wanted(EnvironmentSource.of(Map.of("OTEL_SERVICE_NAME", "gateway",
                "OTEL_TRACES_EXPORTER", "none")))).isFalse();
    }

    @Test
    void theVariablesBecomeTheSdksPropertiesAndOnlyTracesAreExported() {
        Map<String, String> properties = TracingEnvironment.overrides(EnvironmentSource.of(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_BSP_SCHEDULE_DELAY", "50",
                "OTEL_METRICS_EXPORTER", "otlp", "OTEL_PROPAGATORS", "b3", "OPENAI_API_KEY", "sk-not-for-otel")));

        assertThat(properties).containsOnly(Map.entry("otel.exporter.otlp.endpoint", "http://collector:4318"),
                Map.entry("otel.bsp.schedule.delay", "50"), Map.entry("otel.metrics.exporter", "none"),
                Map.entry("otel.logs.exporter", "none"), Map.entry("otel.propagators", "tracecontext"));
    }

    @Test
    void otlpGoesOverHttpWithProtobufUnlessSaidOtherwise() {
        assertThat(TracingEnvironment.defaults()).containsEntry("otel.exporter.otlp.protocol", "http/protobuf")
                .containsEntry("otel.service.name", "voxgate");
    }
}
