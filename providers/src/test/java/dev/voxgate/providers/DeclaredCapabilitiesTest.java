package dev.voxgate.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.spi.ProviderContext;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What each non-OpenAI vendor declares it serves, value by value (the README's table); that each adapter serves
 * exactly that is checked against a fake vendor by every vendor's contract test.
 */
class DeclaredCapabilitiesTest {

    private static final Set<ResponseFormat> RENDERED_FROM_JSON = EnumSet.complementOf(EnumSet.of(ResponseFormat.JSON));

    private static Capabilities declared(String provider, String model) {
        Deployment deployment = Deployment.builder("d1", "speech", provider, model).apiBase("http://127.0.0.1:9/v1")
                .apiKey(Secret.of("sk-test")).build();
        return ProviderCatalog.builtIn().connect(deployment,
                new ProviderContext(ProviderCatalog.newHttpClient(), EnvironmentSource.of(Map.of()))).capabilities();
    }

    private static Set<String> with(Set<String> names, String... more) {
        Set<String> all = new HashSet<>(names);
        all.addAll(Set.of(more));
        return all;
    }

    @Test
    void groqWritesJsonTextAndVerboseJsonWithTimingsAndTakes25Megabytes() {
        assertThat(declared("groq", "whisper-large-v3")).isEqualTo(Capabilities.builder().translation(true)
                .nativeFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT, ResponseFormat.VERBOSE_JSON))
                .wordTimestamps(true).segmentTimestamps(true).maxUploadBytes(26_214_400L)
                .params(Set.of("language", "prompt", "temperature", "timestamp_granularities")).build());
    }

    @Test
    void groqCannotServeSubtitles() {
        assertThat(declared("groq", "whisper-large-v3-turbo").responseFormats())
                .doesNotContain(ResponseFormat.SRT, ResponseFormat.VTT);
    }

    @Test
    void fireworksWritesEveryWhisperFormatAndDiarizesThroughItsExtra() {
        assertThat(declared("fireworks_ai", "whisper-v3")).isEqualTo(Capabilities.builder().translation(true)
                .nativeFormats(OpenAiCompatProfile.WHISPER_FORMATS).wordTimestamps(true).segmentTimestamps(true)
                .diarization(true)
                .params(Set.of("language", "prompt", "temperature", "timestamp_granularities", "vad_model",
                        "alignment_model", "preprocessing", "diarize", "min_speakers", "max_speakers")).build());
    }

    @Test
    void hostedVllmTakesAnyParameterAndLeavesItToTheServer() {
        Capabilities declared = declared("hosted_vllm", "openai/whisper-large-v3");

        assertThat(declared).isEqualTo(Capabilities.builder().translation(true)
                .nativeFormats(OpenAiCompatProfile.WHISPER_FORMATS).wordTimestamps(true).segmentTimestamps(true)
                .params(null).build());
        assertThat(declared.params()).isEmpty();
    }

    @Test
    void mistralWritesJsonAndTheProxyRendersTheRestFromItsSegments() {
        assertThat(declared("mistral", "voxtral-mini-latest")).isEqualTo(Capabilities.builder()
                .nativeFormats(EnumSet.of(ResponseFormat.JSON))
                .renderedFormats(EnumSet.of(ResponseFormat.TEXT, ResponseFormat.SRT, ResponseFormat.VTT,
                        ResponseFormat.VERBOSE_JSON))
                .wordTimestamps(true).segmentTimestamps(true).diarization(true)
                .params(Set.of("language", "temperature", "timestamp_granularities", "diarize", "context_bias"))
                .build());
    }

    @Test
    void deepgramWritesJsonAndTheProxyRendersEveryOtherFormat() {
        Capabilities declared = declared("deepgram", "nova-3");

        assertThat(declared).isEqualTo(Capabilities.builder().nativeFormats(EnumSet.of(ResponseFormat.JSON))
                .renderedFormats(RENDERED_FROM_JSON).wordTimestamps(true).segmentTimestamps(true).diarization(true)
                .paramTypes(declared.params().orElseThrow()).build());
        assertThat(declared.params().orElseThrow()).containsKeys("language", "timestamp_granularities", "diarize",
                "smart_format", "keyterm", "utterances").doesNotContainKeys("prompt", "temperature", "callback");
    }

    @Test
    void elevenLabsWritesJsonAndTheProxyRendersEveryOtherFormat() {
        Capabilities declared = declared("elevenlabs", "scribe_v1");

        assertThat(declared).isEqualTo(Capabilities.builder().nativeFormats(EnumSet.of(ResponseFormat.JSON))
                .renderedFormats(RENDERED_FROM_JSON).wordTimestamps(true).segmentTimestamps(true).diarization(true)
                .params(with(Set.of("language_code", "temperature", "tag_audio_events", "num_speakers",
                        "timestamps_granularity", "diarize", "diarization_threshold", "file_format", "seed",
                        "keyterms", "no_verbatim", "entity_detection", "entity_redaction", "entity_redaction_mode",
                        "detect_speaker_roles", "use_speaker_library", "enable_logging"),
                        "language", "timestamp_granularities")).build());
        assertThat(declared.takes("prompt")).isFalse();
    }
}
