package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.PriceTable;
import dev.voxgate.core.model.Secret;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.router.DeploymentStatus;
import dev.voxgate.router.state.FailureKind;
import dev.voxgate.router.state.LatencySample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One {@code /model/info} entry: the deployment as configured, less every credential, with what it can do and how it is. */
class DeploymentInfoTest {

    private final DeploymentInfo info = new DeploymentInfo(new ObjectMapper(), ProviderCatalog.builtIn(),
            PriceTable.builtIn());

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "x-api-key", "access_token", "aws_secret_access_key", "client_secret",
            "password", "Authorization", "vertex_credentials"})
    void aParameterNamedWithACredentialWordIsACredential(String name) {
        assertThat(DeploymentInfo.isCredential(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"keyterm", "keywords", "max_tokens", "language", "smart_format", "monkey"})
    void aWordThatOnlyContainsOneIsNot(String name) {
        assertThat(DeploymentInfo.isCredential(name)).isFalse();
    }

    @Test
    void theEntryLeavesOutTheKeyCredentialParametersAndTheUserInfoOfTheBase() {
        Deployment deployment = Deployment.builder("dg-1", "nova", "deepgram", "nova-3")
                .apiKey(Secret.of("dg-secret-key-1")).apiBase("https://robot:hunter2@deepgram.example/v1")
                .param("keyterm", "Voxgate").param("callback_token", "tok-secret-2").rpm(60)
                .timeout(Duration.ofMillis(2500)).build();
        Instant until = Instant.parse("2026-12-07T12:00:30Z");
        DeploymentStatus status = new DeploymentStatus("nova", deployment, Optional.of(until), 2, 7, 3, Optional.empty(),
                List.of(new LatencySample(until, Duration.ofMillis(120), OptionalDouble.of(3))),
                Optional.of(FailureKind.RATE_LIMIT),
                Optional.of(Instant.parse("2026-12-07T12:00:00Z")));

        JsonNode entry = info.describe(status);

        assertThat(entry.toString()).doesNotContain("dg-secret-key-1").doesNotContain("tok-secret-2")
                .doesNotContain("hunter2").doesNotContain("robot");
        assertThat(entry.get("model_name").asText()).isEqualTo("nova");
        JsonNode params = entry.get("litellm_params");
        assertThat(params.get("model").asText()).isEqualTo("deepgram/nova-3");
        assertThat(params.get("api_base").asText()).isEqualTo("https://deepgram.example/v1");
        assertThat(params.get("keyterm").asText()).isEqualTo("Voxgate");
        assertThat(params.has("api_key")).isFalse();
        assertThat(params.has("callback_token")).isFalse();
        assertThat(params.get("rpm").asInt()).isEqualTo(60);
        assertThat(params.get("timeout").asDouble()).isEqualTo(2.5);
        JsonNode model = entry.get("model_info");
        assertThat(model.get("id").asText()).isEqualTo("dg-1");
        assertThat(model.get("litellm_provider").asText()).isEqualTo("deepgram");
        assertThat(model.at("/capabilities/params/keyterm").asText()).isEqualTo("list");
        assertThat(model.at("/capabilities/timestamp_granularities").toString()).isEqualTo("[\"word\",\"segment\"]");
        assertThat(model.at("/status/resting").asBoolean()).isTrue();
        assertThat(model.at("/status/resting_until").asText()).isEqualTo("2026-12-07T12:00:30Z");
        assertThat(model.at("/status/in_flight").asInt()).isEqualTo(2);
        assertThat(model.at("/status/requests_this_minute").asInt()).isEqualTo(7);
        assertThat(model.at("/status/failures_this_minute").asInt()).isEqualTo(3);
        assertThat(model.at("/status/at_limit").isNull()).isTrue();
        assertThat(model.at("/status/last_failure").asText()).isEqualTo("rate_limit");
        assertThat(model.at("/status/recent_latencies_ms/0").asDouble()).isEqualTo(120.0);
    }
}
