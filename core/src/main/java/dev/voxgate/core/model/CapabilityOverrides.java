package dev.voxgate.core.model;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One deployment's corrections to what its provider declares it can do, from its {@code model_info}
 * ({@code supported_response_formats}, {@code supports_streaming}, {@code supports_translation},
 * {@code supports_word_timestamps}, {@code supports_segment_timestamps}, {@code supports_diarization},
 * {@code max_audio_seconds}, {@code supported_params}): for a self-hosted server whose abilities no name reveals,
 * or a vendor model newer than Voxgate's knowledge of it. Each present part replaces the declared one.
 *
 * <p>Immutable and thread-safe.
 */
public record CapabilityOverrides(
        Optional<Set<ResponseFormat>> responseFormats,
        Optional<Boolean> streaming,
        Optional<Boolean> translation,
        Optional<Boolean> wordTimestamps,
        Optional<Boolean> segmentTimestamps,
        Optional<Boolean> diarization,
        Optional<Duration> maxAudio,
        Optional<Set<String>> params) {

    /** No corrections. */
    public static final CapabilityOverrides NONE = new CapabilityOverrides(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public CapabilityOverrides {
        responseFormats = Objects.requireNonNull(responseFormats, "responseFormats").map(Set::copyOf);
        Objects.requireNonNull(streaming, "streaming");
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(wordTimestamps, "wordTimestamps");
        Objects.requireNonNull(segmentTimestamps, "segmentTimestamps");
        Objects.requireNonNull(diarization, "diarization");
        Objects.requireNonNull(maxAudio, "maxAudio");
        params = Objects.requireNonNull(params, "params").map(Set::copyOf);
    }

    /**
     * {@code declared} with these corrections. Of the formats given here, those Voxgate renders for this provider
     * stay rendered, and the rest count as the vendor's own (a deployment said to write srt is sent
     * {@code response_format=srt}).
     */
    public Capabilities applyTo(Capabilities declared) {
        Set<ResponseFormat> rendered = responseFormats.map(formats -> formats.stream()
                .filter(declared.renderedFormats()::contains).collect(Collectors.toUnmodifiableSet()))
                .orElse(declared.renderedFormats());
        Set<ResponseFormat> written = responseFormats.map(formats -> formats.stream()
                .filter(format -> !rendered.contains(format)).collect(Collectors.toUnmodifiableSet()))
                .orElse(declared.nativeFormats());
        Set<AudioTask> tasks = translation.map(translates -> translates
                ? Set.of(AudioTask.TRANSCRIBE, AudioTask.TRANSLATE) : Set.of(AudioTask.TRANSCRIBE))
                .orElse(declared.tasks());
        return new Capabilities(tasks, streaming.orElse(declared.streaming()),
                written, rendered,
                wordTimestamps.orElse(declared.wordTimestamps()),
                segmentTimestamps.orElse(declared.segmentTimestamps()), diarization.orElse(declared.diarization()),
                declared.maxUploadBytes(), maxAudio.or(declared::maxAudio), params.map(names -> typed(names, declared)).or(declared::params));
    }

    // A name the provider declares keeps its declared type; any other is sent as the vendor takes it.
    private static Map<String, ParamType> typed(Set<String> names, Capabilities declared) {
        Map<String, ParamType> types = new HashMap<>(Capabilities.typesOf(names));
        declared.params().ifPresent(known -> types.replaceAll((name, type) -> known.getOrDefault(name, type)));
        return types;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
