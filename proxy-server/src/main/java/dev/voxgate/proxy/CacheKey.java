package dev.voxgate.proxy;

import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a cached answer is filed under: the SHA-256 of the audio's bytes together with everything else that changes
 * the answer, namely the model group asked for, the task (transcription or translation), language, prompt, response
 * format, temperature, timestamp granularities and every vendor parameter. The file's name and content type are left
 * out (they name the bytes, they do not change them), and so is the order of the granularities and of the vendor
 * parameters' names.
 *
 * @param hex the digest, 64 lower-case hex digits
 */
record CacheKey(String hex) {

    // Bumped whenever what goes into the digest changes, so that answers filed under an older layout are never read.
    private static final String LAYOUT = "voxgate-cache-1";

    /** The key of {@code request} on {@code task}; reads the audio once more from its start. */
    static CacheKey of(AudioTask task, TranscriptionRequest request) throws IOException {
        MessageDigest digest = sha256();
        text(digest, LAYOUT);
        text(digest, task.name());
        text(digest, request.model());
        optional(digest, request.language());
        optional(digest, request.prompt());
        text(digest, request.responseFormat().wireName());
        optional(digest, request.temperature().map(String::valueOf));
        EnumSet<TimestampGranularity> granularities = EnumSet.noneOf(TimestampGranularity.class);
        granularities.addAll(request.timestampGranularities());
        count(digest, granularities.size());
        granularities.forEach(granularity -> text(digest, granularity.name()));
        Map<String, ParamValue> params = new TreeMap<>(request.providerParams());
        count(digest, params.size());
        params.forEach((name, value) -> param(digest, name, value));
        try (InputStream audio = request.audio().content().open();
             DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            audio.transferTo(sink);
        }
        return new CacheKey(HexFormat.of().formatHex(digest.digest()));
    }

    private static void param(MessageDigest digest, String name, ParamValue value) {
        text(digest, name);
        switch (value) {
            case ParamValue.Text text -> {
                text(digest, "text");
                text(digest, text.value());
            }
            case ParamValue.Values values -> {
                text(digest, "list");
                count(digest, values.values().size());
                values.values().forEach(item -> text(digest, item));
            }
            case ParamValue.Fields fields -> {
                text(digest, "map");
                Map<String, String> sorted = new TreeMap<>(fields.fields());
                count(digest, sorted.size());
                sorted.forEach((key, item) -> {
                    text(digest, key);
                    text(digest, item);
                });
            }
        }
    }

    // Every part is length-prefixed, so no two different requests can run together into the same bytes.
    private static void text(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        count(digest, bytes.length);
        digest.update(bytes);
    }

    private static void optional(MessageDigest digest, Optional<String> value) {
        value.ifPresentOrElse(present -> {
            digest.update((byte) 1);
            text(digest, present);
        }, () -> digest.update((byte) 0));
    }

    private static void count(MessageDigest digest, int count) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(count).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
