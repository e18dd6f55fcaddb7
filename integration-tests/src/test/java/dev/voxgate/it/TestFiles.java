package dev.voxgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /** A real PCM WAV file of {@code seconds} (16 kHz, mono, 16-bit, a quiet tone) as {@code dir/name}. */
    static Path tone(Path dir, String name, int seconds) {
        int samples = 16_000 * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (2000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0)));
        }
        return write(dir.resolve(name), wav.array());
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
