package dev.voxgate.core.render;

import dev.voxgate.core.model.Transcription.Segment;
import java.util.List;
import java.util.Locale;

/**
 * Writes timed segments as SubRip ({@code srt}) or WebVTT ({@code vtt}) cues, as OpenAI lays them out.
 *
 * <p>Stateless and thread-safe.
 */
final class SubtitleWriter {

    private SubtitleWriter() {
    }

    static String srt(List<Segment> segments) {
        StringBuilder out = new StringBuilder();
        int index = 1;
        for (Segment segment : segments) {
            out.append(index++).append('\n')
                    .append(timestamp(segment.start(), ',')).append(" --> ").append(timestamp(segment.end(), ','))
                    .append('\n').append(segment.text().strip()).append("\n\n");
        }
        return out.toString();
    }

    static String vtt(List<Segment> segments) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (Segment segment : segments) {
            out.append(timestamp(segment.start(), '.')).append(" --> ").append(timestamp(segment.end(), '.'))
                    .append('\n').append(segment.text().strip()).append("\n\n");
        }
        return out.toString();
    }

    private static String timestamp(double seconds, char millisSeparator) {
        long millis = Math.round(Math.max(0, seconds) * 1000);
        // The root locale keeps the digits ASCII whatever the JVM's default locale is.
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millisSeparator, millis % 1000);
    }
}
