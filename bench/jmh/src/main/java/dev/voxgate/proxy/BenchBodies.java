package dev.voxgate.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The multipart form the benchmarks parse: a WAV-named {@code file} part of a given size and a {@code model} field. */
final class BenchBodies {

    static final String BOUNDARY = "----voxgate-bench-7MA4YWxkTrZu0gW";

    private BenchBodies() {
    }

    static byte[] audio(int size) {
        byte[] audio = new byte[size];
        for (int i = 0; i < size; i++) {
            audio[i] = (byte) i;
        }
        // A WAV header first: the proxy refuses uploads whose first bytes are not a known audio format.
        byte[] wav = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(wav, 0, audio, 0, Math.min(wav.length, size));
        return audio;
    }

    static byte[] form(int fileSize) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(fileSize + 512);
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"speech.wav\""
                + "\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(audio(fileSize));
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n--"
                + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
