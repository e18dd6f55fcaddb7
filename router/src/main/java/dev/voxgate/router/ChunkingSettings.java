package dev.voxgate.router;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how the router cuts an upload too large or too long for every capable deployment of its group into
 * chunks, routes each on its own and stitches the answers: {@code router_settings.chunking} in typed form. The
 * README's "Long audio" section says the same, with the YAML keys.
 *
 * @param enabled          whether uploads are chunked at all (default true); when not, they fail with 413 as before
 * @param maxParallel      chunks of one request routed at once (default 4)
 * @param overlap          how much audio a chunk repeats from the one before after a hard cut, one made where no
 *                         silence was found (default 1 s)
 * @param silenceSearch    how far back from each chunk's ceiling silence is looked for (default 10 s)
 * @param silenceThreshold the loudest level, in dBFS, still taken for silence (default -40)
 * @param promptChain      whether each chunk is sent the end of the previous chunk's text as its {@code prompt},
 *                         when every capable deployment takes one; the chunks are then routed one after another
 *                         (default false)
 * @param ffmpegPath       the ffmpeg that decodes uploads other than PCM WAV (default {@code ffmpeg} on the PATH)
 * @param maxDecoded       the longest audio chunked; decoded audio takes 115 MB of heap per hour (default 3 h)
 *
 * <p>Immutable and thread-safe.
 */
public record ChunkingSettings(
        boolean enabled,
        int maxParallel,
        Duration overlap,
        Duration silenceSearch,
        double silenceThreshold,
        boolean promptChain,
        String ffmpegPath,
        Duration maxDecoded) {

    private static final ChunkingSettings DEFAULTS = new ChunkingSettings(true, 4, Duration.ofSeconds(1),
            Duration.ofSeconds(10), -40, false, "ffmpeg", Duration.ofHours(3));

    public ChunkingSettings {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be at least 1, was " + maxParallel);
        }
        if (Objects.requireNonNull(overlap, "overlap").isNegative() || overlap.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("overlap must be from 0 to 2 s, was " + overlap);
        }
        if (Objects.requireNonNull(silenceSearch, "silenceSearch").isNegative()) {
            throw new IllegalArgumentException("silenceSearch must not be negative, was " + silenceSearch);
        }
        if (!(silenceThreshold <= 0 && silenceThreshold >= -120)) {
            throw new IllegalArgumentException("silenceThreshold must be from -120 to 0 dBFS, was " + silenceThreshold);
        }
        if (Objects.requireNonNull(ffmpegPath, "ffmpegPath").isBlank()) {
            throw new IllegalArgumentException("ffmpegPath must not be blank");
        }
        if (!Objects.requireNonNull(maxDecoded, "maxDecoded").isPositive()) {
            throw new IllegalArgumentException("maxDecoded must be positive, was " + maxDecoded);
        }
    }

    /** On, four chunks at once, 1 s overlap, 10 s search, -40 dBFS, no prompt chain, ffmpeg on the PATH, 3 h. */
    public static ChunkingSettings defaults() {
        return DEFAULTS;
    }

    /** Never chunk. */
    public static ChunkingSettings disabled() {
        return DEFAULTS.toBuilder().enabled(false).build();
    }

    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.enabled = enabled;
        builder.maxParallel = maxParallel;
        builder.overlap = overlap;
        builder.silenceSearch = silenceSearch;
        builder.silenceThreshold = silenceThreshold;
        builder.promptChain = promptChain;
        builder.ffmpegPath = ffmpegPath;
        builder.maxDecoded = maxDecoded;
        return builder;
    }

    /** The silence threshold as an RMS of full scale 1.0. */
    double silenceRms() {
        return Math.pow(10, silenceThreshold / 20);
    }

    /** Builds {@link ChunkingSettings}, starting from the defaults; not thread-safe. */
    public static final class Builder {
        private boolean enabled;
        private int maxParallel;
        private Duration overlap;
        private Duration silenceSearch;
        private double silenceThreshold;
        private boolean promptChain;
        private String ffmpegPath;
        private Duration maxDecoded;

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder maxParallel(int maxParallel) {
            this.maxParallel = maxParallel;
            return this;
        }

        public Builder overlap(Duration overlap) {
            this.overlap = overlap;
            return this;
        }

        public Builder silenceSearch(Duration silenceSearch) {
            this.silenceSearch = silenceSearch;
            return this;
        }

        /** In dBFS, e.g. -40. */
        public Builder silenceThreshold(double silenceThreshold) {
            this.silenceThreshold = silenceThreshold;
            return this;
        }

        public Builder promptChain(boolean promptChain) {
            this.promptChain = promptChain;
            return this;
        }

        public Builder ffmpegPath(String ffmpegPath) {
            this.ffmpegPath = ffmpegPath;
            return this;
        }

        public Builder maxDecoded(Duration maxDecoded) {
            this.maxDecoded = maxDecoded;
            return this;
        }

        public ChunkingSettings build() {
            return new ChunkingSettings(enabled, maxParallel, overlap, silenceSearch, silenceThreshold, promptChain,
                    ffmpegPath, maxDecoded);
        }
    }
}
