package dev.voxgate.providers.http;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.ResponseFormat;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a vendor serves whose one answer is JSON with timed words (and speakers), from which Voxgate renders every
 * other format: Deepgram, ElevenLabs, and Mistral's segments likewise. Such a vendor is never told the format, so it
 * must be asked for the timings a format needs.
 *
 * <p>Stateless and thread-safe.
 */
public final class TimedJson {

    // The formats rendered from timed segments; text is rendered from the transcript alone.
    private static final Set<ResponseFormat> SEGMENTED = EnumSet.of(ResponseFormat.VERBOSE_JSON, ResponseFormat.SRT,
            ResponseFormat.VTT, ResponseFormat.DIARIZED_JSON);

    private TimedJson() {
    }

    /** Whether {@code format} is rendered from timed segments: verbose_json, srt, vtt, diarized_json. */
    public static boolean needsSegments(ResponseFormat format) {
        return SEGMENTED.contains(format);
    }

    /**
     * Transcription only, JSON written and every other format rendered, timed words and segments, speakers, and the
     * parameters of {@code params}.
     */
    public static Capabilities capabilities(ParamSchema params) {
        return builder(params).build();
    }

    /** What {@link #capabilities} declares, as a builder, for a vendor with limits of its own to add. */
    public static Capabilities.Builder builder(ParamSchema params) {
        return Capabilities.builder()
                .nativeFormats(EnumSet.of(ResponseFormat.JSON))
                .renderedFormats(EnumSet.complementOf(EnumSet.of(ResponseFormat.JSON)))
                .wordTimestamps(true)
                .segmentTimestamps(true)
                .diarization(true)
                .paramTypes(params.types().orElse(null));
    }
}
