package dev.voxgate.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one deployment can serve, known before it is picked, so that the router sends each request only to a
 * deployment able to answer it. Providers declare it per model; {@code model_info} overrides it per deployment
 * ({@link CapabilityOverrides}).
 *
 * @param tasks             transcription, translation
 * @param streaming         whether it streams its transcript ({@code stream=true})
 * @param nativeFormats     the response formats the vendor writes itself
 * @param renderedFormats   the formats Voxgate renders from its text, segments and words
 * @param wordTimestamps    whether it gives timed words ({@code timestamp_granularities[]=word})
 * @param segmentTimestamps whether it gives timed segments ({@code timestamp_granularities[]=segment})
 * @param diarization       whether it says who spoke ({@code diarized_json}, speakers on words or segments)
 * @param maxUploadBytes    the largest audio file it takes, when it has a limit
 * @param maxAudio          the longest audio it takes, when it has a limit
 * @param params            the request parameters it takes besides {@code file} and {@code model}, by name up to
 *                          any bracket ({@code language}, {@code prompt}, {@code keywords}, …); empty when it takes
 *                          any (a self-hosted server), so the vendor decides
 *
 * <p>Immutable and thread-safe.
 */
public record Capabilities(
        Set<AudioTask> tasks,
        boolean streaming,
        Set<ResponseFormat> nativeFormats,
        Set<ResponseFormat> renderedFormats,
        boolean wordTimestamps,
        boolean segmentTimestamps,
        boolean diarization,
        Optional<Long> maxUploadBytes,
        Optional<Duration> maxAudio,
        Optional<Map<String, ParamType>> params) {

    /** What a port that declares nothing is taken to serve: everything; the port itself refuses what it cannot. */
    public static final Capabilities UNDECLARED = new Capabilities(EnumSet.allOf(AudioTask.class), true,
            EnumSet.allOf(ResponseFormat.class), Set.of(), true, true, true, Optional.empty(), Optional.empty(),
            Optional.empty());

    public Capabilities {
        tasks = Set.copyOf(tasks);
        nativeFormats = Set.copyOf(nativeFormats);
        renderedFormats = Set.copyOf(renderedFormats);
        Require.positiveBytes(maxUploadBytes, "maxUploadBytes");
        Objects.requireNonNull(maxAudio, "maxAudio").ifPresent(length -> Require.positive(length, "maxAudio"));
        params = Objects.requireNonNull(params, "params").map(Capabilities::byRoot);
    }

    /** The formats a caller may ask for: the vendor's own and those Voxgate renders. */
    public Set<ResponseFormat> responseFormats() {
        Set<ResponseFormat> all = EnumSet.noneOf(ResponseFormat.class);
        all.addAll(nativeFormats);
        all.addAll(renderedFormats);
        return all;
    }

    /** Whether it takes request parameter {@code name} ({@code keywords[]} is {@code keywords}). */
    public boolean takes(String name) {
        return params.map(names -> names.containsKey(ParamValue.root(name))).orElse(true);
    }

    /**
     * Why parameter {@code name} with {@code value} cannot be sent, e.g. {@code is not a parameter it takes} or
     * {@code takes a number, not "fast"}; empty when it can (always, when it takes any parameter).
     */
    public Optional<String> paramProblem(String name, ParamValue value) {
        return params.flatMap(types -> {
            ParamType type = types.get(ParamValue.root(name));
            return type == null ? Optional.of("is not a parameter it takes") : type.problem(value);
        });
    }

    /** Names read as {@link #params}: {@code name[]} a list, any other whatever the vendor takes. */
    public static Map<String, ParamType> typesOf(Set<String> names) {
        Map<String, ParamType> types = new HashMap<>();
        names.forEach(name -> types.put(ParamValue.root(name), name.endsWith("[]") ? ParamType.LIST : ParamType.ANY));
        return types;
    }

    private static Map<String, ParamType> byRoot(Map<String, ParamType> types) {
        Map<String, ParamType> byRoot = new HashMap<>();
        types.forEach((name, type) -> byRoot.put(ParamValue.root(name), Objects.requireNonNull(type, "params." + name)));
        return Map.copyOf(byRoot);
    }

    /**
     * What this deployment lacks to serve {@code needs}, each as a short phrase naming the need and what it has
     * instead (e.g. {@code response_format=srt (it gives json, text)}); empty when it can serve them.
     *
     * @param dropParams whether parameters it does not take are dropped ({@code drop_params}) rather than refused
     */
    public List<String> lacks(RequestNeeds needs, boolean dropParams) {
        List<String> lacks = new ArrayList<>();
        if (!tasks.contains(needs.task())) {
            lacks.add(needs.task() == AudioTask.TRANSLATE ? "translation (/audio/translations)"
                    : "transcription (/audio/transcriptions)");
        }
        if (needs.streaming() && !streaming) {
            lacks.add("stream=true (it does not stream: send stream=false)");
        }
        if (!nativeFormats.contains(needs.responseFormat()) && !renderedFormats.contains(needs.responseFormat())) {
            lacks.add("response_format=" + needs.responseFormat().wireName() + " (it gives "
                    + wireNames(responseFormats()) + ")");
        }
        if (needs.granularities().contains(TimestampGranularity.WORD) && !wordTimestamps) {
            lacks.add("timestamp_granularities[]=word (it gives no word timestamps)");
        }
        if (needs.granularities().contains(TimestampGranularity.SEGMENT) && !segmentTimestamps) {
            lacks.add("timestamp_granularities[]=segment (it gives no segment timestamps)");
        }
        maxUploadBytes.filter(limit -> !takesUploadOf(needs.uploadBytes())).ifPresent(limit -> lacks.add("an upload of "
                + needs.uploadBytes() + " bytes (it takes at most " + limit + " bytes, max_file_size_mb)"));
        needs.audioSeconds().ifPresent(seconds -> maxAudio.filter(limit -> seconds > limit.toMillis() / 1000.0)
                .ifPresent(limit -> lacks.add(String.format(Locale.ROOT, "%.1f s of audio (it takes at most %d s, "
                        + "max_audio_seconds)", seconds, limit.toSeconds()))));
        if (!dropParams) {
            needs.params().stream().filter(name -> !takes(name)).sorted()
                    .forEach(name -> lacks.add("parameter " + name + " (not supported; drop_params: true drops it)"));
        }
        return lacks;
    }

    /** Whether an upload of {@code bytes} is within its largest upload. */
    public boolean takesUploadOf(long bytes) {
        return maxUploadBytes.map(limit -> bytes <= limit).orElse(true);
    }

    /** A copy with the largest upload replaced. */
    public Capabilities withMaxUploadBytes(Optional<Long> limit) {
        return new Capabilities(tasks, streaming, nativeFormats, renderedFormats, wordTimestamps, segmentTimestamps,
                diarization, limit, maxAudio, params);
    }


    private static String wireNames(Set<ResponseFormat> formats) {
        String names = EnumSet.copyOf(formats.isEmpty() ? EnumSet.noneOf(ResponseFormat.class) : formats).stream()
                .map(ResponseFormat::wireName).collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    /** Starts from {@link #UNDECLARED}'s opposite: transcription only, nothing else, so each ability is named. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Capabilities}; not thread-safe. */
    public static final class Builder {
        private final Set<AudioTask> tasks = EnumSet.of(AudioTask.TRANSCRIBE);
        private boolean streaming;
        private final Set<ResponseFormat> nativeFormats = EnumSet.noneOf(ResponseFormat.class);
        private final Set<ResponseFormat> renderedFormats = EnumSet.noneOf(ResponseFormat.class);
        private boolean wordTimestamps;
        private boolean segmentTimestamps;
        private boolean diarization;
        private Long maxUploadBytes;
        private Duration maxAudio;
        private Map<String, ParamType> params = Map.of();

        private Builder() {
        }

        public Builder translation(boolean translates) {
            if (translates) {
                tasks.add(AudioTask.TRANSLATE);
            } else {
                tasks.remove(AudioTask.TRANSLATE);
            }
            return this;
        }

        public Builder streaming(boolean streams) {
            this.streaming = streams;
            return this;
        }

        public Builder nativeFormats(Set<ResponseFormat> formats) {
            nativeFormats.clear();
            nativeFormats.addAll(formats);
            return this;
        }

        public Builder renderedFormats(Set<ResponseFormat> formats) {
            renderedFormats.clear();
            renderedFormats.addAll(formats);
            return this;
        }

        public Builder wordTimestamps(boolean words) {
            this.wordTimestamps = words;
            return this;
        }

        public Builder segmentTimestamps(boolean segments) {
            this.segmentTimestamps = segments;
            return this;
        }

        public Builder diarization(boolean diarizes) {
            this.diarization = diarizes;
            return this;
        }

        public Builder maxUploadBytes(Long bytes) {
            this.maxUploadBytes = bytes;
            return this;
        }

        public Builder maxAudio(Duration length) {
            this.maxAudio = length;
            return this;
        }

        /** The parameters it takes, by name ({@code name[]} a list, any other untyped); {@code null} for any. */
        public Builder params(Set<String> names) {
            this.params = names == null ? null : typesOf(names);
            return this;
        }

        /** The parameters it takes, with the kind of value each takes; {@code null} for any. */
        public Builder paramTypes(Map<String, ParamType> types) {
            this.params = types;
            return this;
        }

        public Capabilities build() {
            return new Capabilities(tasks, streaming, nativeFormats, renderedFormats, wordTimestamps,
                    segmentTimestamps, diarization, Optional.ofNullable(maxUploadBytes), Optional.ofNullable(maxAudio),
                    Optional.ofNullable(params));
        }
    }
}
