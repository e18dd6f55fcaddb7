package dev.voxgate.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A rendered answer as the response cache keeps it: the body the caller was sent (status 200) and its content type,
 * in one byte array that any store can hold.
 *
 * @param contentType the answer's {@code Content-Type}, e.g. {@code text/vtt; charset=utf-8}
 * @param body        its bytes
 */
record StoredAnswer(String contentType, byte[] body) {

    // The first byte says how the rest is laid out, so that a later layout never misreads an older entry.
    private static final byte LAYOUT = 1;

    StoredAnswer {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** The layout byte, the content type's length and bytes, then the body. */
    byte[] encode() {
        byte[] type = contentType.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + Integer.BYTES + type.length + body.length).put(LAYOUT).putInt(type.length)
                .put(type).put(body).array();
    }

    /** The answer {@link #encode()} wrote; empty for bytes it did not write, which the cache treats as a miss. */
    static Optional<StoredAnswer> decode(byte[] stored) {
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        if (buffer.remaining() < 1 + Integer.BYTES || buffer.get() != LAYOUT) {
            return Optional.empty();
        }
        int typeLength = buffer.getInt();
        if (typeLength < 0 || typeLength > buffer.remaining()) {
            return Optional.empty();
        }
        byte[] type = new byte[typeLength];
        buffer.get(type);
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        return Optional.of(new StoredAnswer(new String(type, StandardCharsets.UTF_8), body));
    }
}
