package dev.voxgate.router.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How long one successful attempt took.
 *
 * @param at           when it ended
 * @param latency      how long the provider took
 * @param audioSeconds the transcribed audio's length, when the answer said
 *
 * <p>Immutable and thread-safe.
 */
public record LatencySample(Instant at, Duration latency, OptionalDouble audioSeconds) {

    public LatencySample {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(audioSeconds, "audioSeconds");
    }

    /**
     * Seconds of latency per second of audio, so that long and short files compare; the raw latency in seconds when
     * the audio's length is unknown (or zero).
     */
    public double secondsPerAudioSecond() {
        double seconds = latency.toNanos() / 1e9;
        double audio = audioSeconds.orElse(0);
        return audio > 0 ? seconds / audio : seconds;
    }
}
