package dev.voxgate.router;

import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.error.TranscriptionFailure.NoCapableDeployment;
import dev.voxgate.core.error.TranscriptionFailure.PayloadTooLarge;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.CapabilityOverrides;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.RoutingReport.LeftOut;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterCapabilityTest {

    private static final Capabilities JSON_ONLY = Capabilities.builder()
            .nativeFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT, ResponseFormat.VERBOSE_JSON))
            .params(Set.of("language", "prompt", "temperature")).build();
    private static final Capabilities SUBTITLES = Capabilities.builder()
            .nativeFormats(EnumSet.of(ResponseFormat.JSON))
            .renderedFormats(EnumSet.of(ResponseFormat.TEXT, ResponseFormat.SRT, ResponseFormat.VTT))
            .segmentTimestamps(true).params(Set.of("language")).build();
    private static final Capabilities STREAMS = Capabilities.builder()
            .nativeFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT)).streaming(true).params(null).build();
    private static final Capabilities TRANSLATES = Capabilities.builder()
            .nativeFormats(EnumSet.allOf(ResponseFormat.class)).translation(true).params(null).build();

    private final Fixture fixture = new Fixture();

    @Test
    void subtitlesGoOnlyToDeploymentsThatCanMakeThemAndTheOthersAreNeverRested() {
        ScriptedPort groq = port().declares(JSON_ONLY).answers("from groq");
        ScriptedPort deepgram = port().declares(SUBTITLES).answers("from deepgram").repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("groq", "mixed", groq))
                .deployment(fixture.deployment("deepgram", "mixed", deepgram))
                .settings(RouterSettings.builder().allowedFails(0).build())
                .build();

        for (int i = 0; i < 20; i++) {
            Routed<?> routed = router.route(request("mixed", ResponseFormat.SRT), CallOptions.defaults());
            assertThat(routed.report().deploymentId()).contains("deepgram");
            assertThat(routed.report().leftOut()).extracting(LeftOut::deploymentId).containsExactly("groq");
        }
        assertThat(groq.calls()).isZero();

        // groq comes first for the strategy; had it failed (or rested) for the srt calls, json would skip it.
        assertThat(router.route(request("mixed", ResponseFormat.JSON), CallOptions.defaults()).report().deploymentId()).contains("groq");
    }

    @Test
    void aStreamedTranscriptGoesOnlyToADeploymentThatStreams() {
        ScriptedPort whisper = port().declares(TRANSLATES).answers("whisper");
        ScriptedPort gpt4o = port().declares(STREAMS).answers("streamed").repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("whisper-1", "speech", whisper))
                .deployment(fixture.deployment("gpt-4o-transcribe", "speech", gpt4o))
                .build();
        TranscriptListener ignore = piece -> { };

        for (int i = 0; i < 5; i++) {
            assertThat(router.routeStreaming(request("speech", ResponseFormat.JSON), CallOptions.defaults(), ignore)
                    .report().deploymentId()).contains("gpt-4o-transcribe");
        }
        assertThat(whisper.calls()).isZero();
    }

    @Test
    void anUploadOverOneDeploymentsLimitGoesToTheOneWithout() {
        ScriptedPort small = port().answers("small");
        ScriptedPort large = port().answers("large");
        Router router = fixture.router()
                .deployment(fixture.deployment("small", "speech", small).toBuilder().maxUploadBytes(2L).build())
                .deployment(fixture.deployment("large", "speech", large))
                .build();

        assertThat(router.transcribe(request("speech", ResponseFormat.JSON)).text()).isEqualTo("large");
        assertThat(small.calls()).isZero();
    }

    @Test
    void aTranslationSkipsDeploymentsThatCannotTranslate() {
        ScriptedPort mistral = port().declares(SUBTITLES).answers("mistral");
        ScriptedPort openai = port().declares(TRANSLATES).answers("openai").repeats();
        Router router = fixture.router()
                .deployment(fixture.deployment("mistral", "speech", mistral))
                .deployment(fixture.deployment("openai", "speech", openai))
                .build();

        for (int i = 0; i < 5; i++) {
            assertThat(router.translate(request("speech", ResponseFormat.JSON)).text())
                    .isEqualTo("openai");
        }
        assertThat(mistral.translations()).isZero();
    }

    @Test
    void aGroupThatCannotServeTheRequestFailsBeforeAnyCallNamingTheNeedAndEachLack() {
        ScriptedPort groq = port().declares(JSON_ONLY).answers("never");
        Router router = fixture.router().deployment(fixture.deployment("groq", "fast", groq)).build();

        assertThatThrownBy(() -> router.route(request("fast", ResponseFormat.SRT), CallOptions.defaults()))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(NoCapableDeployment.class);
                    assertThat(((NoCapableDeployment) e.failure()).param()).contains("response_format");
                    assertThat(e.getMessage()).contains("response_format=srt").contains("groq (openai/whisper-1)")
                            .contains("it gives json, text, verbose_json");
                    assertThat(e.report().attempts()).isEmpty();
                    assertThat(e.report().leftOut()).hasSize(1);
                });
        assertThat(groq.calls()).isZero();
    }

    @Test
    void aGroupThatCannotServeTheRequestFallsBackToOneThatCan() {
        ScriptedPort groq = port().declares(JSON_ONLY).answers("never");
        ScriptedPort deepgram = port().declares(SUBTITLES).answers("subtitled");
        Router router = fixture.router()
                .deployment(fixture.deployment("groq", "fast", groq))
                .deployment(fixture.deployment("deepgram", "subtitles", deepgram))
                .settings(RouterSettings.builder().fallback("fast", List.of("subtitles")).build())
                .build();

        Routed<?> routed = router.route(request("fast", ResponseFormat.SRT), CallOptions.defaults());

        assertThat(routed.report().deploymentId()).contains("deepgram");
        assertThat(routed.report().fallbacks()).containsExactly("subtitles");
        assertThat(groq.calls()).isZero();
    }

    @Test
    void anUploadNoDeploymentTakesIsTooLargeForTheCallerOnceFallbacksFailedToo() {
        ScriptedPort small = port().answers("never");
        ScriptedPort smaller = port().answers("never");
        Router router = fixture.router()
                .deployment(fixture.deployment("small", "speech", small).toBuilder().maxUploadBytes(2L).build())
                .deployment(fixture.deployment("smaller", "backup", smaller).toBuilder().maxUploadBytes(1L).build())
                .settings(RouterSettings.builder().fallback("speech", List.of("backup")).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("speech", ResponseFormat.JSON)))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(PayloadTooLarge.class);
                    assertThat(e.getMessage()).contains("an upload of 3 bytes").contains("backup →");
                });
        assertThat(small.calls() + smaller.calls()).isZero();
    }

    @Test
    void aParameterADeploymentDoesNotTakeLeavesItOutUnlessItDropsParameters() {
        ScriptedPort strict = port().declares(SUBTITLES).answers("strict");
        ScriptedPort lenient = port().declares(SUBTITLES).answers("lenient");
        Router router = fixture.router()
                .deployment(fixture.deployment("strict", "speech", strict))
                .deployment(fixture.deployment("lenient", "speech", lenient).toBuilder().dropParams(true).build())
                .build();
        TranscriptionRequest prompted = request("speech", ResponseFormat.JSON).toBuilder().prompt("names").build();

        Routed<?> routed = router.route(prompted, CallOptions.defaults());

        assertThat(routed.report().deploymentId()).contains("lenient");
        assertThat(routed.report().leftOut().getFirst().lacks()).singleElement().asString()
                .startsWith("parameter prompt");
    }

    @Test
    void modelInfoOverridesWhatTheProviderDeclares() {
        ScriptedPort selfHosted = port().declares(JSON_ONLY).answers("self-hosted srt");
        CapabilityOverrides srt = new CapabilityOverrides(Optional.of(Set.of(ResponseFormat.JSON, ResponseFormat.SRT)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        Router router = fixture.router()
                .deployment(fixture.deployment("self", "speech", selfHosted).toBuilder().capabilityOverrides(srt)
                        .build())
                .build();

        assertThat(router.transcribe(request("speech", ResponseFormat.SRT)).text()).isEqualTo("self-hosted srt");
        assertThatThrownBy(() -> router.transcribe(request("speech", ResponseFormat.VERBOSE_JSON)))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class,
                        e -> assertThat(e.getMessage()).contains("it gives json, srt"));
    }

    @Test
    void aRestingCapableDeploymentIsNoReasonToCallAnIncapableOne() {
        ScriptedPort groq = port().declares(JSON_ONLY).answers("never");
        ScriptedPort deepgram = port().declares(SUBTITLES)
                .fails(new RateLimited("slow down", Optional.of(Duration.ofSeconds(30))));
        Router router = fixture.router()
                .deployment(fixture.deployment("groq", "mixed", groq))
                .deployment(fixture.deployment("deepgram", "mixed", deepgram))
                .settings(RouterSettings.builder().numRetries(2).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("mixed", ResponseFormat.SRT)))
                .isInstanceOf(RoutedTranscriptionException.class);
        assertThat(groq.calls()).isZero();
    }

    private static TranscriptionRequest request(String model, ResponseFormat format) {
        return TranscriptionRequest.builder(model, AudioInput.of("hello.wav", new byte[] {1, 2, 3}))
                .responseFormat(format).build();
    }
}
