package dev.voxgate.core.audio;

import dev.voxgate.core.model.AudioContent;
import java.io.IOException;
import java.util.Optional;

/**
 * How long an upload plays, read from its container's headers without decoding it: WAV and RF64 (data size over
 * byte rate), MP3 (Xing/Info or VBRI frame count, else CBR bytes over bit rate), FLAC (STREAMINFO), Ogg Opus and
 * Vorbis (last granule position), MP4/M4A/MOV ({@code mvhd}) and WebM/Matroska ({@code Info/Duration}). Only
 * headers are read — a bounded prefix, Ogg's last 64 KiB, and whatever boxes or chunks come before the header, which
 * are skipped by size — so a file of hundreds of megabytes costs a few small reads.
 *
 * <p>A header is a claim, not a fact (one Opus file's claim of 2<sup>63</sup>−1 frames was once billed as
 * 1.9×10<sup>14</sup> seconds), so a duration is refused, and the answer empty, when it is
 * <ul>
 *   <li>not a finite number greater than zero;</li>
 *   <li>longer than 48 hours;</li>
 *   <li>impossible for the file's size: more than {@code size × 8 / 1000} seconds, which would mean under 1 kbit/s;
 *       or, for a format that states its rate (WAV's byte rate, a CBR MP3's bit rate), more than twice the
 *       {@code size × 8 / bitrate} seconds that rate gives.</li>
 * </ul>
 * Anything else the headers do not settle — another container, a corrupt, truncated or unreadable file, a live
 * recording that never wrote its length — is empty too; this never throws for what the content holds.
 *
 * <p>Stateless and thread-safe.
 */
public final class AudioDuration {

    private AudioDuration() {
    }

    /** The duration of {@code content} in seconds, or empty when its headers do not give a plausible one. */
    public static Optional<Double> seconds(AudioContent content) {
        try {
            return measure(content).flatMap(measurement -> measurement.plausibleFor(content.size()));
        } catch (IOException | RuntimeException e) {
            // The parsers index into untrusted bytes; a read past the end or an offset out of range is a malformed
            // file, and a caller asking how long the audio plays wants "unknown", not a failure.
            return Optional.empty();
        }
    }

    private static Optional<Measurement> measure(AudioContent content) throws IOException {
        Optional<String> container = AudioSignature.of(content);
        if (container.isEmpty()) {
            return Optional.empty();
        }
        return switch (container.get()) {
            case "wav" -> WavDuration.measure(content);
            case "mp3" -> Mp3Duration.measure(content);
            case "flac" -> FlacDuration.measure(content);
            case "ogg" -> OggDuration.measure(content);
            case "mp4" -> Mp4Duration.measure(content);
            case "webm" -> MatroskaDuration.measure(content);
            default -> Optional.empty();
        };
    }
}
