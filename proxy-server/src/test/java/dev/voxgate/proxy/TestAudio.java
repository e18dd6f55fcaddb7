package dev.voxgate.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Bytes that start as a WAV file does, so the proxy's audio check lets them through. */
final class TestAudio {

    private TestAudio() {
    }

    /** {@code size} bytes (at least 12): a RIFF/WAVE header, then {@code fill}. */
    static byte[] wav(int size, byte fill) {
        byte[] bytes = new byte[Math.max(12, size)];
        Arrays.fill(bytes, fill);
        byte[] riff = "RIFF".getBytes(StandardCharsets.US_ASCII);
        byte[] wave = "WAVE".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(riff, 0, bytes, 0, 4);
        System.arraycopy(wave, 0, bytes, 8, 4);
        return bytes;
    }
}
