package dev.voxgate.core.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An audio file as a caller sent it: its name (the extension tells vendors the format), its content type and
 * its replayable content.
 *
 * @param filename    the file's name, with extension, as the vendor will see it
 * @param contentType the media type, e.g. {@code audio/wav}
 * @param content     the bytes
 */
public record AudioInput(String filename, String contentType, AudioContent content) {

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("flac", "audio/flac"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("mp4", "audio/mp4"),
            Map.entry("mpeg", "audio/mpeg"),
            Map.entry("mpga", "audio/mpeg"),
            Map.entry("oga", "audio/ogg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("opus", "audio/ogg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("webm", "audio/webm"));

    public AudioInput {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(content, "content");
        if (filename.isBlank()) {
            throw new IllegalArgumentException("filename must not be blank");
        }
        if (contentType == null || contentType.isBlank()) {
            contentType = contentTypeFor(filename);
        }
    }

    /** Audio held in memory. */
    public static AudioInput of(String filename, byte[] bytes) {
        return new AudioInput(filename, null, new AudioContent.InMemory(bytes));
    }

    /** Audio read from a file when sent; the file must stay until the call ends. */
    public static AudioInput of(Path file) {
        try {
            return new AudioInput(file.getFileName().toString(), null, new AudioContent.OnDisk(file, Files.size(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audio file " + file, e);
        }
    }

    /** The media type that the file name's extension implies, {@code application/octet-stream} if unknown. */
    public static String contentTypeFor(String filename) {
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
