package dev.voxgate.core.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What serving one request takes of a deployment, read from the request once, before any deployment is picked;
 * {@link Capabilities#lacks} says what a deployment misses of it.
 *
 * @param task           transcribe or translate
 * @param streaming      whether the transcript is to be streamed
 * @param responseFormat the format asked for
 * @param granularities  the timestamp granularities asked for
 * @param params         the request parameters set besides {@code file} and {@code model}, by name
 * @param uploadBytes    the audio file's size
 * @param audioSeconds   the audio's length, when its header says
 *
 * <p>Immutable and thread-safe.
 */
public record RequestNeeds(
        AudioTask task,
        boolean streaming,
        ResponseFormat responseFormat,
        Set<TimestampGranularity> granularities,
        Set<String> params,
        long uploadBytes,
        Optional<Double> audioSeconds) {

    public RequestNeeds {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(responseFormat, "responseFormat");
        granularities = Set.copyOf(granularities);
        params = Set.copyOf(params);
        Objects.requireNonNull(audioSeconds, "audioSeconds");
    }

    /** The needs of {@code request} for {@code task}, with the audio's length when {@code audioSeconds} knows it. */
    public static RequestNeeds of(TranscriptionRequest request, AudioTask task, boolean streaming,
                                  Optional<Double> audioSeconds) {
        Set<String> params = new TreeSet<>(request.providerParams().keySet());
        request.prompt().ifPresent(prompt -> params.add("prompt"));
        request.temperature().ifPresent(temperature -> params.add("temperature"));
        if (task == AudioTask.TRANSCRIBE) {
            request.language().ifPresent(language -> params.add("language"));
            if (!request.timestampGranularities().isEmpty()) {
                params.add("timestamp_granularities");
            }
        }
        Set<TimestampGranularity> granularities = task == AudioTask.TRANSCRIBE
                && !request.timestampGranularities().isEmpty()
                ? EnumSet.copyOf(request.timestampGranularities()) : Set.of();
        return new RequestNeeds(task, streaming, request.responseFormat(), granularities, params,
                request.audio().content().size(), audioSeconds);
    }

    /** The needs that set this request apart from a plain one, for messages: {@code response_format=srt, stream=true}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (task == AudioTask.TRANSLATE) {
            parts.add("translation");
        }
        if (streaming) {
            parts.add("stream=true");
        }
        parts.add("response_format=" + responseFormat.wireName());
        granularities.forEach(g -> parts.add("timestamp_granularities[]=" + g.wireName()));
        parts.add(uploadBytes + "-byte upload");
        audioSeconds.ifPresent(seconds -> parts.add(String.format(Locale.ROOT, "%.1f s of audio", seconds)));
        return String.join(", ", parts);
    }
}
