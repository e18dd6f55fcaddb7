package dev.voxgate.core.audio;

import java.util.Optional;

/**
 * What a container's headers claim about how long it plays, and the bit rate they state, if any, to check the claim
 * against. The claim is untrusted until {@link #plausibleFor(long)} accepts it.
 *
 * @param seconds           the duration the headers give, possibly absurd
 * @param statedBitsPerSecond the bit rate the headers state (WAV's byte rate, a CBR MP3's frame bit rate), or 0
 */
record Measurement(double seconds, long statedBitsPerSecond) {

    /** Forty-eight hours: no upload this gateway takes plays longer. */
    static final double MAX_SECONDS = 48 * 3600;
    private static final double MIN_BITS_PER_SECOND = 1000;

    /** A duration the headers give without a bit rate to check it against. */
    static Measurement of(double seconds) {
        return new Measurement(seconds, 0);
    }

    /**
     * The duration, unless it cannot be true of {@code size} bytes: not a positive finite number, longer than
     * {@link #MAX_SECONDS}, implying less than 1 kbit/s, or more than twice what the stated bit rate gives.
     */
    Optional<Double> plausibleFor(long size) {
        double bits = size * 8.0;
        boolean plausible = Double.isFinite(seconds) && seconds > 0 && seconds <= MAX_SECONDS
                && seconds <= bits / MIN_BITS_PER_SECOND
                && (statedBitsPerSecond <= 0 || seconds <= 2 * bits / statedBitsPerSecond);
        return plausible ? Optional.of(seconds) : Optional.empty();
    }
}
