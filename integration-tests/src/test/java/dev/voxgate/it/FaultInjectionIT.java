package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every upstream fault, through the real proxy: when every deployment of a group has it, it reaches the client as its
 * documented status and code after the configured retry; beside a healthy deployment, or with a healthy fallback
 * group, the client gets its transcript. Uploads are 1.5 MiB, so each goes through a temp file; afterwards no
 * connection, file or thread is left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final String HEALTHY_KEY = "sk-healthy-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static FakeSpeechVendor healthy;
    private static FaultyVendor faulty;
    private static RunningProxy proxy;
    private static Path audio;
    private static LeakProbe baseline;

    @BeforeAll
    static void start() {
        healthy = FakeSpeechVendor.openAi(HEALTHY_KEY, "healthy transcript");
        faulty = new FaultyVendor();
        audio = TestFiles.wav(dir, "speech.wav", 1_536 * 1024);
        proxy = RunningProxy.start(TestFiles.config(dir, "faults.yaml", config()), Map.of());
        for (String group : new String[] {"healthy", "faulty-mixed", "refused-mixed"}) {
            assertThat(transcribe(group).status()).isEqualTo(200);
        }
        baseline = LeakProbe.take(proxy.port(), vendorPorts());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        faulty.close();
        healthy.close();
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(UpstreamFault.class)
    void faultOfEveryDeploymentReachesTheClientAsItsDocumentedStatus(UpstreamFault fault) throws Exception {
        int before = faulty.requestCount();

        ProxyClients.Answer answer = transcribe(group(fault, "alone"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(fault.status());
        JsonNode error = JSON.readTree(answer.body()).path("error");
        assertThat(error.path("code").asText()).as(answer.body()).isEqualTo(fault.code());
        assertThat(error.path("message").asText()).containsIgnoringCase("deployment").doesNotContain(HEALTHY_KEY);
        assertThat(answer.retryAfter()).isEqualTo(fault == UpstreamFault.RATE_LIMITED_WITH_RETRY_AFTER ? "1" : null);
        if (fault.reachesTheVendor()) {
            // The fake counts a request whose socket it closed on its own thread, possibly after the proxy answered.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (faulty.requestCount() - before < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(faulty.requestCount() - before).as("the first attempt and the one retry").isEqualTo(2);
        }
    }

    @Order(2)
    @ParameterizedTest
    @EnumSource(UpstreamFault.class)
    void groupWithAHealthyDeploymentBesideTheFaultyOneStillAnswers(UpstreamFault fault) {
        for (int i = 0; i < 2; i++) {
            ProxyClients.Answer answer = transcribe(group(fault, "mixed"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("healthy transcript");
        }
    }

    @Order(3)
    @ParameterizedTest
    @EnumSource(UpstreamFault.class)
    void groupThatFailsFallsBackToAHealthyGroup(UpstreamFault fault) {
        ProxyClients.Answer answer = transcribe(group(fault, "fallback"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("healthy transcript");
    }

    @Order(4)
    @Test
    void answerDrippedByteByByteWithinTheDeploymentsTimeoutArrivesWhole() {
        faulty.misbehave(UpstreamFault.DRIPS_BYTE_BY_BYTE);

        ProxyClients.Answer answer = transcribe("patient");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("slow but whole");
    }

    @Order(5)
    @Test
    void afterEveryFaultNoConnectionFileOrThreadIsLeft() throws InterruptedException {
        LeakProbe.awaitBackTo(baseline, 4, proxy.port(), vendorPorts(), Duration.ofSeconds(30));
    }

    // After the leak check: this proxy of its own keeps connections in its own pool for a while.
    @Order(6)
    @Test
    void deploymentThatKeepsFailingRestsWhileItsGroupRoutesAroundIt() throws Exception {
        faulty.misbehave(UpstreamFault.INTERNAL_ERROR_500);
        String yaml = "model_list:\n" + deployment("mixed", faulty.baseUrl(), "sk-faulty-0123456789", "2")
                + deployment("mixed", healthy.baseUrl(), HEALTHY_KEY, "30")
                + deployment("alone", faulty.baseUrl(), "sk-faulty-a-0123456789", "2")
                + "router_settings: {num_retries: 1, allowed_fails: 0, cooldown_time: 60}\n";
        try (RunningProxy resting = RunningProxy.start(TestFiles.config(dir, "cooldown.yaml", yaml), Map.of())) {
            int before = faulty.requestCount();
            for (int i = 0; i < 6; i++) {
                assertThat(transcribe(resting, "mixed").status()).isEqualTo(200);
            }
            ProxyClients.Answer failed = transcribe(resting, "alone");
            ProxyClients.Answer resting429 = transcribe(resting, "alone");

            assertThat(faulty.requestCount() - before).as("each faulty deployment is tried once, then rests")
                    .isLessThanOrEqualTo(2);
            assertThat(failed.status()).isEqualTo(502);
            assertThat(resting429.status()).as(resting429.body()).isEqualTo(429);
            assertThat(JSON.readTree(resting429.body()).path("error").path("code").asText())
                    .isEqualTo("no_healthy_deployment");
            assertThat(Integer.parseInt(resting429.retryAfter())).isBetween(1, 60);
        }
    }

    private static ProxyClients.Answer transcribe(String group) {
        return transcribe(proxy, group);
    }

    private static ProxyClients.Answer transcribe(RunningProxy target, String group) {
        return postTranscription(target, "/v1/audio/transcriptions", null, audio, fields("model", group));
    }

    private static String group(UpstreamFault fault, String kind) {
        if (fault == UpstreamFault.CONNECTION_REFUSED) {
            return "refused-" + kind;
        }
        faulty.misbehave(fault);
        return "faulty-" + kind;
    }

    private static Set<Integer> vendorPorts() {
        return Set.of(faulty.port(), URI.create(healthy.baseUrl()).getPort());
    }

    // Groups of two faulty deployments, so that the one retry goes to the other at once rather than after a back-off
    // (the router's own tests cover the back-off). Faulty deployments get 2 s, ample for a loopback answer even on
    // a busy machine; the "patient" one, on the same faulty vendor, waits 15 s for a slow answer.
    private static String config() {
        String faultyBase = faulty.baseUrl();
        String refusedBase = FaultyVendor.refusedBaseUrl();
        StringBuilder yaml = new StringBuilder("model_list:\n");
        for (String kind : new String[] {"alone", "fallback"}) {
            for (String twin : new String[] {"a", "b"}) {
                yaml.append(deployment("faulty-" + kind, faultyBase, "sk-faulty-" + twin + "-0123456789", "2"))
                        .append(deployment("refused-" + kind, refusedBase, "sk-refused-" + twin + "-0123456789", "2"));
            }
        }
        yaml.append(deployment("faulty-mixed", faultyBase, "sk-faulty-0123456789", "2"))
                .append(deployment("faulty-mixed", healthy.baseUrl(), HEALTHY_KEY, "30"))
                .append(deployment("refused-mixed", refusedBase, "sk-refused-0123456789", "2"))
                .append(deployment("refused-mixed", healthy.baseUrl(), HEALTHY_KEY, "30"))
                .append(deployment("healthy", healthy.baseUrl(), HEALTHY_KEY, "30"))
                .append(deployment("patient", faultyBase, "sk-faulty-0123456789", "15"));
        return yaml.append("""
                router_settings:
                  num_retries: 1
                  disable_cooldowns: true
                  fallbacks: [{"faulty-fallback": ["healthy"]}, {"refused-fallback": ["healthy"]}]
                """).toString();
    }

    private static String deployment(String group, String base, String key, String timeout) {
        return "  - model_name: " + group + "\n    litellm_params: {model: openai/whisper-1, api_base: \"" + base
                + "\", api_key: " + key + ", timeout: " + timeout + "}\n";
    }
}
