package dev.voxgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Config files and audio the end-to-end tests write for themselves. */
final class TestFiles {

    private TestFiles() {
    }

    /** {@code yaml} as {@code dir/name}. */
    static Path config(Path dir, String name, String yaml) {
        return write(dir.resolve(name), yaml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A WAV file of {@code size} bytes (a RIFF/WAVE header, then silence) as {@code dir/name}; above 1 MiB the proxy
     * keeps it in a temp file while the request lasts.
     */
    static Path wav(Path dir, String name, int size) {
        byte[] bytes = new byte[Math.max(44, size)];
        Arrays.fill(bytes, (byte) 0x80);
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
        return write(dir.resolve(name), bytes);
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
