package dev.voxgate.router;

import dev.voxgate.core.audio.AudioDuration;
import dev.voxgate.core.audio.MonoPcm;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.RequestNeeds;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an upload is to be cut into chunks, and how large they may be. It is when no deployment of its group can
 * take it whole, and the deployments that could serve it but for its size or length (its <em>capable</em> ones)
 * all stand in its way only by {@code max_file_size_mb} or {@code max_audio_seconds}: then each chunk is held under
 * the smallest of their limits, so that any of them can take any chunk.
 *
 * @param chunkFormat the format each chunk is asked in: one that carries the timings the stitched answer needs
 * @param maxSamples  the most 16 kHz samples one chunk may hold
 * @param promptChain whether each chunk is sent the end of the previous chunk's text as its prompt
 * @param reason      what made the upload too large, for messages: {@code 3145772 bytes (it takes at most …)}
 *
 * <p>Immutable and thread-safe.
 */
record ChunkPlan(ResponseFormat chunkFormat, int maxSamples, boolean promptChain, String reason) {

    /** A chunk shorter than this would make more seams than transcript: such limits are answered with 413. */
    static final int MIN_CHUNK_SAMPLES = 5 * MonoPcm.SAMPLE_RATE;

    /** The plan for {@code request} on {@code route}; empty when it is to be routed whole, as usual. */
    static Optional<ChunkPlan> of(Route route, TranscriptionRequest request, AudioTask task, boolean streaming,
                                  ChunkingSettings settings) {
        if (!settings.enabled() || fitsEveryLimit(route, request.audio().content().size())) {
            return Optional.empty();
        }
        Optional<Double> seconds = AudioDuration.seconds(request.audio().content());
        RequestNeeds whole = RequestNeeds.of(request, task, streaming, seconds);
        if (route.targets().stream().anyMatch(target -> lacks(target, whole).isEmpty())) {
            return Optional.empty();
        }
        ResponseFormat format = chunkFormat(request.responseFormat());
        RequestNeeds piece = RequestNeeds.of(request.toBuilder().responseFormat(format).build(), task, streaming,
                Optional.empty());
        RequestNeeds anySize = new RequestNeeds(task, streaming, format, piece.granularities(), piece.params(), 0,
                Optional.empty());
        List<Target> capable = route.targets().stream().filter(target -> lacks(target, anySize).isEmpty()).toList();
        // A capable deployment that takes the whole upload was refused for something else, which chunks do not cure.
        if (capable.isEmpty() || capable.stream().anyMatch(target -> takesWhole(target.capabilities(), whole))) {
            return Optional.empty();
        }
        long samples = Integer.MAX_VALUE;
        for (Target target : capable) {
            Capabilities can = target.capabilities();
            samples = Math.min(samples, can.maxUploadBytes().map(b -> (b - MonoPcm.WAV_HEADER_BYTES) / 2)
                    .orElse(Long.MAX_VALUE));
            samples = Math.min(samples, can.maxAudio().map(d -> d.toMillis() * (MonoPcm.SAMPLE_RATE / 1000))
                    .orElse(Long.MAX_VALUE));
        }
        if (samples < MIN_CHUNK_SAMPLES) {
            return Optional.empty();
        }
        boolean chain = settings.promptChain() && capable.stream().allMatch(t -> t.capabilities().takes("prompt"));
        return Optional.of(new ChunkPlan(format, (int) samples, chain, reason(capable, whole)));
    }

    // Most uploads are within every deployment's size and no deployment limits the length: then chunks could not
    // help, and a call pays one loop here, not a read of the audio's header.
    private static boolean fitsEveryLimit(Route route, long bytes) {
        for (Target target : route.targets()) {
            if (!target.capabilities().takesUploadOf(bytes) || target.capabilities().maxAudio().isPresent()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> lacks(Target target, RequestNeeds needs) {
        return target.capabilities().lacks(needs, target.deployment().dropParams());
    }

    private static boolean takesWhole(Capabilities can, RequestNeeds whole) {
        return can.takesUploadOf(whole.uploadBytes()) && whole.audioSeconds()
                .map(seconds -> can.maxAudio().map(limit -> seconds <= limit.toMillis() / 1000.0).orElse(true))
                .orElse(true);
    }

    // Text and json need only text; subtitles and verbose_json need the timings, which verbose_json carries.
    private static ResponseFormat chunkFormat(ResponseFormat asked) {
        return switch (asked) {
            case JSON, TEXT -> ResponseFormat.JSON;
            case SRT, VTT, VERBOSE_JSON -> ResponseFormat.VERBOSE_JSON;
            case DIARIZED_JSON -> ResponseFormat.DIARIZED_JSON;
        };
    }

    private static String reason(List<Target> capable, RequestNeeds whole) {
        RequestNeeds sizeOnly = new RequestNeeds(whole.task(), whole.streaming(), whole.responseFormat(), Set.of(),
                Set.of(), whole.uploadBytes(), whole.audioSeconds());
        Target first = capable.getFirst();
        return first.id() + " lacks " + String.join("; ", first.capabilities().lacks(sizeOnly, true)
                .stream().filter(lack -> lack.contains("max_file_size_mb") || lack.contains("max_audio_seconds"))
                .toList());
    }
}
