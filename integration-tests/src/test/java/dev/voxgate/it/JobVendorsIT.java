package dev.voxgate.it;

import static dev.voxgate.it.ProxyClients.fields;
import static dev.voxgate.it.ProxyClients.postTranscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.providers.fakes.FakeAssemblyAi;
import dev.voxgate.providers.fakes.FakeSoniox;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AssemblyAI and Soniox through the proxy, each a job at its strict loopback fake: the same three seconds of audio in
 * every response format each serves, with the audio's length; what they cannot serve refused before any call; and
 * a job that outlives the router's attempt timeout answered 504 and deleted at the vendor all the same.
 */
class JobVendorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRANSCRIPT = "Four score and seven years ago.";
    private static final List<String> GROUPS = List.of("assemblyai", "soniox");

    private static Path config(Path dir, String routerSettings) {
        return TestFiles.config(dir, "jobs.yaml", """
                model_list:
                  - model_name: assemblyai
                    litellm_params:
                      model: assemblyai/universal-3-5-pro
                  - model_name: soniox
                    litellm_params:
                      model: soniox/stt-async-v4
                """ + routerSettings);
    }

    private static Map<String, String> environment(LoopbackJobVendor<?> assemblyAi, LoopbackJobVendor<?> soniox) {
        return Map.of("ASSEMBLYAI_API_KEY", "aai-fake-key", "ASSEMBLYAI_API_BASE", assemblyAi.baseUrl(),
                "SONIOX_API_KEY", "soniox-fake-key", "SONIOX_API_BASE", soniox.baseUrl());
    }

    @Test
    void bothAnswerTheSameAudioInEveryFormatWithItsLengthAndLeaveNothingAtTheVendor(@TempDir Path dir)
            throws Exception {
        Path threeSeconds = TestFiles.tone(dir, "three-seconds.wav", 3);
        try (LoopbackJobVendor<FakeAssemblyAi> assemblyAi = LoopbackJobVendor.assemblyAi("aai-fake-key", TRANSCRIPT);
             LoopbackJobVendor<FakeSoniox> soniox = LoopbackJobVendor.soniox("soniox-fake-key", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config(dir, ""), environment(assemblyAi, soniox))) {
            // Done at the first poll: the job's states are the timeout test's and the providers' tests' business.
            assemblyAi.vendor().pollsRunning(0);
            soniox.vendor().pollsRunning(0);
            for (String group : GROUPS) {
                assertUsage(group, transcribe(proxy, threeSeconds, group, "json"));
                JsonNode verbose = JSON.readTree(transcribe(proxy, threeSeconds, group, "verbose_json").body());
                assertThat(verbose.get("duration").asDouble()).as(group).isBetween(2.7, 3.3);
                assertThat(verbose.get("words")).as(group).hasSize(6);
                assertThat(verbose.get("segments")).as(group).isNotEmpty();
                assertUsage(group, verbose);
                JsonNode diarized = JSON.readTree(transcribe(proxy, threeSeconds, group, "diarized_json").body());
                assertThat(diarized.get("segments")).as(group)
                        .allSatisfy(segment -> assertThat(segment.get("speaker").asText()).isNotBlank());
                assertThat(transcribe(proxy, threeSeconds, group, "text").body()).isEqualTo(TRANSCRIPT + "\n");
                assertThat(transcribe(proxy, threeSeconds, group, "srt").body())
                        .startsWith("1\n00:00:00,000 --> 00:00:02,").contains(TRANSCRIPT);
                assertThat(transcribe(proxy, threeSeconds, group, "vtt").body())
                        .startsWith("WEBVTT\n\n").contains("00:00:00.000 --> 00:00:02.").contains(TRANSCRIPT);
            }

            assertThat(assemblyAi.vendor().seen()).contains("GET /v2/transcript/job-0006/vtt");
            assertThat(assemblyAi.jobsLeftAfter(Duration.ofSeconds(5))).isEmpty();
            assertThat(soniox.jobsLeftAfter(Duration.ofSeconds(5))).isEmpty();
            assertThat(LoopbackJobVendor.leftAfter(soniox.vendor()::filesLeft, Duration.ofSeconds(10))).isEmpty();
            assertThat(assemblyAi.vendor().count("POST /v2/upload")).isEqualTo(6);
            assertThat(soniox.vendor().count("POST /v1/files")).isEqualTo(6);
        }
    }

    @Test
    void whatTheyCannotServeIsRefusedBeforeAnyCall(@TempDir Path dir) {
        Path threeSeconds = TestFiles.tone(dir, "three-seconds.wav", 3);
        try (LoopbackJobVendor<FakeAssemblyAi> assemblyAi = LoopbackJobVendor.assemblyAi("aai-fake-key", TRANSCRIPT);
             LoopbackJobVendor<FakeSoniox> soniox = LoopbackJobVendor.soniox("soniox-fake-key", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config(dir, ""), environment(assemblyAi, soniox))) {
            for (String group : GROUPS) {
                List<ProxyClients.Answer> refused = List.of(
                        postTranscription(proxy, "/v1/audio/translations", null, threeSeconds,
                                fields("model", group)),
                        postTranscription(proxy, "/v1/audio/transcriptions", null, threeSeconds,
                                fields("model", group, "stream", "true")),
                        postTranscription(proxy, "/v1/audio/transcriptions", null, threeSeconds,
                                fields("model", group, "prompt", "Gettysburg")));
                assertThat(refused).as(group).allSatisfy(answer -> assertThat(answer.status()).as(answer.body())
                        .isEqualTo(400));
            }

            assertThat(assemblyAi.requestCount()).isZero();
            assertThat(soniox.requestCount()).isZero();
        }
    }

    @Test
    void aJobOutlivingTheAttemptTimeoutIsAnswered504AndStillDeletedAtTheVendor(@TempDir Path dir)
            throws Exception {
        Path threeSeconds = TestFiles.tone(dir, "three-seconds.wav", 3);
        try (LoopbackJobVendor<FakeAssemblyAi> assemblyAi = LoopbackJobVendor.assemblyAi("aai-fake-key", TRANSCRIPT);
             LoopbackJobVendor<FakeSoniox> soniox = LoopbackJobVendor.soniox("soniox-fake-key", TRANSCRIPT);
             RunningProxy proxy = RunningProxy.start(config(dir, """
                     router_settings:
                       timeout: 1
                       num_retries: 0
                     """), environment(assemblyAi, soniox))) {
            assemblyAi.vendor().pollsRunning(4);
            soniox.vendor().pollsRunning(4);
            for (String group : GROUPS) {
                var answer = postTranscription(proxy, "/v1/audio/transcriptions", null, threeSeconds,
                        fields("model", group));
                assertThat(answer.status()).as(group + ": " + answer.body()).isEqualTo(504);
                assertThat(answer.body()).doesNotContain("fake-key");
            }

            assertThat(assemblyAi.jobsLeftAfter(Duration.ofSeconds(10))).isEmpty();
            assertThat(soniox.jobsLeftAfter(Duration.ofSeconds(10))).isEmpty();
            assertThat(LoopbackJobVendor.leftAfter(soniox.vendor()::filesLeft, Duration.ofSeconds(10))).isEmpty();
        }
    }

    private static ProxyClients.Answer transcribe(RunningProxy proxy, Path audio, String group, String format) {
        var answer = postTranscription(proxy, "/v1/audio/transcriptions", null, audio,
                fields("model", group, "response_format", format));
        assertThat(answer.status()).as(group + " " + format + ": " + answer.body()).isEqualTo(200);
        return answer;
    }

    private static void assertUsage(String group, ProxyClients.Answer answer) throws IOException {
        assertUsage(group, JSON.readTree(answer.body()));
    }

    private static void assertUsage(String group, JsonNode body) {
        assertThat(body.get("text").asText()).as(group).isEqualTo(TRANSCRIPT);
        assertThat(body.get("usage").get("type").asText()).as(group).isEqualTo("duration");
        assertThat(body.get("usage").get("seconds").asDouble()).as(group).isBetween(2.7, 3.3);
    }
}
