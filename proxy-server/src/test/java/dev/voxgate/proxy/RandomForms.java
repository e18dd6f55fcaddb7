package dev.voxgate.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random transcription forms for fuzzing, from a seed: field maps for the parser, and whole multipart bodies (often
 * well-formed, often damaged) for the server. The names lean towards the ones the proxy reads, so that the checks
 * behind them are reached, and the values towards the awkward: empty, blank, huge, control characters, other scripts.
 */
final class RandomForms {

    private static final List<String> NAMES = List.of("model", "language", "prompt", "response_format",
            "temperature", "timestamp_granularities[]", "timestamp_granularities", "fallbacks[]", "fallbacks",
            "mock_testing_fallbacks", "stream", "metadata", "litellm_metadata", "user", "api_key", "api_base",
            "api_version", "base_url", "diarize", "x", "");
    private static final List<String> VALUES = List.of("whisper", "json", "text", "srt", "vtt", "verbose_json",
            "0", "0.5", "1", "2", "-1", "NaN", "Infinity", "true", "false", "maybe", "word", "segment", "{}",
            "{\"tags\":[1]}", "{", "[]", "null", "en", " ", "", "../../etc/passwd", "whisper%2F..", "https://x.test/v1");

    private final Random random;

    RandomForms(long seed) {
        this.random = new Random(seed);
    }

    Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            List<String> values = fields.computeIfAbsent(name(), key -> new ArrayList<>());
            values.add(value());
            if (random.nextInt(10) == 0) {
                values.add(value());
            }
        }
        return fields;
    }

    /** A multipart body over {@code boundary}: the fields, zero to two files, then perhaps some damage. */
    byte[] multipart(String boundary) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, List<String>> fields = fields();
        if (random.nextInt(10) < 7) {
            // Mostly a model that exists, so that bodies get past the model check to the ones behind it.
            fields.put("model", List.of("whisper"));
        }
        fields.forEach((name, values) -> values.forEach(value -> part(body, boundary,
                "form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8))));
        int files = random.nextInt(10) < 7 ? 1 : random.nextInt(3);
        for (int i = 0; i < files; i++) {
            String filename = random.nextInt(8) == 0 ? "" : "; filename=\"" + pick(List.of("a.wav", "", "x", "../a.mp3",
                    "ü.ogg")) + "\"";
            part(body, boundary, "form-data; name=\"file\"" + filename, fileBytes());
        }
        write(body, "--" + boundary + "--\r\n");
        return damage(body.toByteArray());
    }

    /** A Content-Type for a body made with {@code boundary}: mostly right, sometimes not. */
    String contentType(String boundary) {
        return switch (random.nextInt(12)) {
            case 0 -> "multipart/form-data";
            case 1 -> "multipart/form-data; boundary=" + boundary + "x";
            case 2 -> "application/x-www-form-urlencoded";
            case 3 -> "text/plain; charset=utf-8";
            case 4 -> "multipart/form-data; boundary=\"\"";
            default -> "multipart/form-data; boundary=" + boundary;
        };
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String name() {
        return random.nextInt(40) == 0 ? text(1 + random.nextInt(40)) : pick(NAMES);
    }

    private String value() {
        return switch (random.nextInt(10)) {
            case 0 -> text(random.nextInt(200));
            case 1 -> "x".repeat(random.nextInt(2) == 0 ? FormFields.MAX_VALUE_LENGTH + 1 : 10_000);
            default -> pick(VALUES);
        };
    }

    private byte[] fileBytes() {
        return switch (random.nextInt(5)) {
            case 0 -> new byte[0];
            case 1 -> randomBytes(random.nextInt(64));
            case 2 -> "not audio at all".getBytes(StandardCharsets.US_ASCII);
            default -> TestAudio.wav(12 + random.nextInt(3_000), (byte) random.nextInt());
        };
    }

    private byte[] damage(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        byte[] damaged = body.clone();
        switch (random.nextInt(9)) {
            case 0 -> {
                return Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            case 1 -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt();
                }
            }
            case 2 -> {
                return randomBytes(random.nextInt(512));
            }
            default -> {
                // left intact: most bodies should reach the form checks
            }
        }
        return damaged;
    }

    private String text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(6)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0x400 + random.nextInt(0x100));
                case 2 -> '"';
                default -> (char) (0x20 + random.nextInt(0x5F));
            });
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String disposition, byte[] content) {
        write(body, "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
