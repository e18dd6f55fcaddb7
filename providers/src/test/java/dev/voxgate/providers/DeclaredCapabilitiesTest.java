package dev.voxgate.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.spi.ProviderContext;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each non-OpenAI vendor declares it serves, value by value, its parameters with their kinds (the README's
 * table); that each adapter serves exactly that is checked against a fake vendor by every vendor's contract test.
 */
class DeclaredCapabilitiesTest {

    private static final Set<ResponseFormat> RENDERED_FROM_JSON = EnumSet.complementOf(EnumSet.of(ResponseFormat.JSON));

    private static Capabilities declared(String provider, String model) {
        Deployment deployment = Deployment.builder("d1", "speech", provider, model).apiBase("http://127.0.0.1:9/v1")
                .apiKey(Secret.of("sk-test")).build();
        return ProviderCatalog.builtIn().connect(deployment,
                new ProviderContext(ProviderCatalog.newHttpClient(), EnvironmentSource.of(Map.of()))).capabilities();
    }

    /** OpenAI's fields as a vendor that takes all of them declares them. */
    private static final Map<String, ParamType> OPENAI_FIELDS = Map.of("language", ParamType.TEXT,
            "prompt", ParamType.TEXT, "temperature", ParamType.NUMBER, "timestamp_granularities", ParamType.LIST);

    private static Map<String, ParamType> with(Map<String, ParamType> types, Object... namesAndTypes) {
        Map<String, ParamType> all = new HashMap<>(types);
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            all.put((String) namesAndTypes[i], (ParamType) namesAndTypes[i + 1]);
        }
        return all;
    }

    @Test
    void groqWritesJsonTextAndVerboseJsonWithTimingsAndTakes25Megabytes() {
        assertThat(declared("groq", "whisper-large-v3")).isEqualTo(Capabilities.builder().translation(true)
                .nativeFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT, ResponseFormat.VERBOSE_JSON))
                .wordTimestamps(true).segmentTimestamps(true).maxUploadBytes(26_214_400L)
                .paramTypes(OPENAI_FIELDS).build());
    }

    @ParameterizedTest
    @CsvSource({"openai, whisper-1", "openai, gpt-transcribe", "openai, ggml-base.en", "azure, prod-gpt-4o-transcribe",
        "groq, whisper-large-v3", "fireworks_ai, whisper-v3", "mistral, voxtral-mini-latest", "hosted_vllm, whisper",
        "deepgram, nova-3", "elevenlabs, scribe_v1", "assemblyai, universal-3-5-pro", "soniox, stt-async-v4", "gemini, gemini-3.5-transcribe",
        "gemini, gemini-2.5-flash"})
    void whatAProviderDeclaresWithoutCredentialsIsWhatItsAdapterDeclares(String provider, String model) {
        Deployment bare = Deployment.builder("d1", "speech", provider, model).build();

        assertThat(ProviderCatalog.builtIn().declared(bare)).isEqualTo(declared(provider, model));
    }

    @Test
    void theKindsDeclaredAreWhatTheConfigLoaderChecksLitellmParamsAgainst() {
        Capabilities deepgram = declared("deepgram", "nova-3");

        assertThat(deepgram.paramProblem("utt_split", ParamValue.text("fast")))
                .contains("takes a number, not \"fast\"");
        assertThat(deepgram.paramProblem("keyterm", ParamValue.fields(Map.of("a", "b"))))
                .contains("takes a list, not a map");
        assertThat(deepgram.paramProblem("keyterm", ParamValue.values(List.of("a", "b")))).isEmpty();
        assertThat(deepgram.paramProblem("chunking_strategy", ParamValue.text("auto")))
                .contains("is not a parameter it takes");
        assertThat(declared("openai", "gpt-4o-transcribe").paramProblem("chunking_strategy",
                ParamValue.fields(Map.of("type", "server_vad")))).isEmpty();
        assertThat(declared("hosted_vllm", "whisper").paramProblem("anything", ParamValue.text("x"))).isEmpty();
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
                .paramTypes(with(OPENAI_FIELDS, "vad_model", ParamType.TEXT, "alignment_model", ParamType.TEXT,
                        "preprocessing", ParamType.TEXT, "diarize", ParamType.BOOLEAN, "min_speakers", ParamType.NUMBER,
                        "max_speakers", ParamType.NUMBER)).build());
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
                .paramTypes(Map.of("language", ParamType.TEXT, "temperature", ParamType.NUMBER,
                        "timestamp_granularities", ParamType.LIST, "diarize", ParamType.BOOLEAN,
                        "context_bias", ParamType.LIST))
                .build());
    }

    @Test
    void deepgramWritesJsonAndTheProxyRendersEveryOtherFormat() {
        Capabilities declared = declared("deepgram", "nova-3");

        assertThat(declared).isEqualTo(Capabilities.builder().nativeFormats(EnumSet.of(ResponseFormat.JSON))
                .renderedFormats(RENDERED_FROM_JSON).wordTimestamps(true).segmentTimestamps(true).diarization(true)
                .paramTypes(declared.params().orElseThrow()).build());
        assertThat(declared.params().orElseThrow()).containsEntry("language", ParamType.TEXT)
                .containsEntry("timestamp_granularities", ParamType.LIST).containsEntry("diarize", ParamType.BOOLEAN)
                .containsEntry("smart_format", ParamType.BOOLEAN).containsEntry("utterances", ParamType.BOOLEAN)
                .containsEntry("utt_split", ParamType.NUMBER).containsEntry("detect_language", ParamType.LIST)
                .containsEntry("keyterm", ParamType.LIST).containsEntry("keywords", ParamType.LIST)
                .containsEntry("search", ParamType.LIST).containsEntry("replace", ParamType.LIST)
                .containsEntry("redact", ParamType.LIST).containsEntry("tag", ParamType.LIST)
                .doesNotContainKeys("prompt", "temperature", "callback", "model");
        assertThat(declared.params().orElseThrow()).hasSize(38);
    }

    @Test
    void elevenLabsWritesJsonAndTheProxyRendersEveryOtherFormat() {
        Capabilities declared = declared("elevenlabs", "scribe_v1");

        assertThat(declared).isEqualTo(Capabilities.builder().nativeFormats(EnumSet.of(ResponseFormat.JSON))
                .renderedFormats(RENDERED_FROM_JSON).wordTimestamps(true).segmentTimestamps(true).diarization(true)
                .paramTypes(with(Map.of("language", ParamType.TEXT, "temperature", ParamType.NUMBER,
                                "timestamp_granularities", ParamType.LIST),
                        "language_code", ParamType.TEXT, "tag_audio_events", ParamType.BOOLEAN,
                        "num_speakers", ParamType.NUMBER, "timestamps_granularity", ParamType.TEXT,
                        "diarize", ParamType.BOOLEAN, "diarization_threshold", ParamType.NUMBER,
                        "file_format", ParamType.TEXT, "seed", ParamType.NUMBER, "keyterms", ParamType.LIST,
                        "no_verbatim", ParamType.BOOLEAN, "entity_detection", ParamType.LIST,
                        "entity_redaction", ParamType.LIST, "entity_redaction_mode", ParamType.TEXT,
                        "detect_speaker_roles", ParamType.BOOLEAN, "use_speaker_library", ParamType.BOOLEAN,
                        "enable_logging", ParamType.BOOLEAN)).build());
        assertThat(declared.takes("prompt")).isFalse();
    }

    @Test
    void assemblyAiWritesJsonAndItsOwnSubtitlesAndTheProxyRendersTheRest() {
        Capabilities declared = declared("assemblyai", "universal-3-5-pro");

        assertThat(declared).isEqualTo(Capabilities.builder()
                .nativeFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.SRT, ResponseFormat.VTT))
                .renderedFormats(EnumSet.of(ResponseFormat.TEXT, ResponseFormat.VERBOSE_JSON,
                        ResponseFormat.DIARIZED_JSON))
                .wordTimestamps(true).segmentTimestamps(true).diarization(true)
                .paramTypes(with(Map.of("language", ParamType.TEXT, "timestamp_granularities", ParamType.LIST),
                        "language_code", ParamType.TEXT, "boost_param", ParamType.TEXT,
                        "redact_pii_sub", ParamType.TEXT, "language_detection", ParamType.BOOLEAN,
                        "speaker_labels", ParamType.BOOLEAN, "punctuate", ParamType.BOOLEAN,
                        "format_text", ParamType.BOOLEAN, "disfluencies", ParamType.BOOLEAN,
                        "filter_profanity", ParamType.BOOLEAN, "redact_pii", ParamType.BOOLEAN,
                        "speakers_expected", ParamType.NUMBER, "language_confidence_threshold", ParamType.NUMBER,
                        "speech_threshold", ParamType.NUMBER, "audio_start_from", ParamType.NUMBER,
                        "audio_end_at", ParamType.NUMBER, "keyterms_prompt", ParamType.LIST,
                        "word_boost", ParamType.LIST, "redact_pii_policies", ParamType.LIST,
                        "chars_per_caption", ParamType.NUMBER)).build());
        assertThat(declared.takes("prompt")).isFalse();
    }

    @Test
    void sonioxWritesJsonAndTheProxyRendersEveryOtherFormatOfAtMostAnHour() {
        assertThat(declared("soniox", "stt-async-v4")).isEqualTo(Capabilities.builder()
                .nativeFormats(EnumSet.of(ResponseFormat.JSON)).renderedFormats(RENDERED_FROM_JSON)
                .wordTimestamps(true).segmentTimestamps(true).diarization(true).maxAudio(Duration.ofMinutes(60))
                .paramTypes(with(Map.of("language", ParamType.TEXT, "timestamp_granularities", ParamType.LIST),
                        "language_hints", ParamType.LIST, "enable_speaker_diarization", ParamType.BOOLEAN,
                        "enable_language_identification", ParamType.BOOLEAN, "client_reference_id", ParamType.TEXT))
                .build());
    }

    @Test
    void geminiTranscribeWritesJsonAndTheProxyRendersEveryOtherFormatOfAtMostAnHour() {
        assertThat(declared("gemini", "gemini-3.5-transcribe")).isEqualTo(Capabilities.builder()
                .nativeFormats(EnumSet.of(ResponseFormat.JSON)).renderedFormats(RENDERED_FROM_JSON)
                .wordTimestamps(true).segmentTimestamps(true).diarization(true).maxAudio(Duration.ofHours(1))
                .maxUploadBytes(2L * 1024 * 1024 * 1024)
                .paramTypes(with(Map.of("language", ParamType.TEXT, "timestamp_granularities", ParamType.LIST),
                        "language_codes", ParamType.LIST, "custom_vocabulary", ParamType.LIST))
                .build());
    }

    @Test
    void otherGeminiModelsWriteJsonAndTextOnlyWithoutTimings() {
        assertThat(declared("gemini", "gemini-2.5-flash")).isEqualTo(Capabilities.builder()
                .nativeFormats(EnumSet.of(ResponseFormat.JSON)).renderedFormats(EnumSet.of(ResponseFormat.TEXT))
                .maxUploadBytes(2L * 1024 * 1024 * 1024)
                .paramTypes(Map.of("language", ParamType.TEXT, "prompt", ParamType.TEXT,
                        "temperature", ParamType.NUMBER))
                .build());
    }
}
