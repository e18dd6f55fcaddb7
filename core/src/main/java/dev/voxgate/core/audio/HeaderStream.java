package dev.voxgate.core.audio;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader of a container's headers that knows its position and skips what it does not need, so a box
 * or chunk of audio data is passed over by its stated size instead of being read. A read that runs past the end
 * throws {@link EOFException}.
 *
 * <p>Not thread-safe; one per parse. Closing it closes the stream it reads.
 */
final class HeaderStream implements AutoCloseable {

    // No header field this package reads is larger; a claim of more is a corrupt file, not a reason to allocate.
    private static final int MAX_READ = 1 << 20;
    // Header fields are a few bytes each and everything between them is skipped, so the stream's default 8 KiB
    // buffer was mostly never read: it was the proxy's largest allocation per request (the length of every call's
    // audio is read once). Reads larger than the buffer go straight to the stream.
    private static final int BUFFER = 512;

    private final InputStream in;
    private long position;

    HeaderStream(InputStream in) {
        this.in = new BufferedInputStream(in, BUFFER);
    }

    /** How many bytes from the start of the content have been read or skipped. */
    long position() {
        return position;
    }

    /** The next {@code count} bytes. */
    byte[] bytes(long count) throws IOException {
        if (count < 0 || count > MAX_READ) {
            throw new IOException("header field of " + count + " bytes");
        }
        byte[] bytes = in.readNBytes((int) count);
        if (bytes.length < count) {
            throw new EOFException("content ends inside a header");
        }
        position += count;
        return bytes;
    }

    /** Up to {@code max} next bytes: fewer only where the content ends. */
    byte[] upTo(int max) throws IOException {
        byte[] bytes = in.readNBytes(Math.min(max, MAX_READ));
        position += bytes.length;
        return bytes;
    }

    /** Passes over the next {@code count} bytes without reading them where the stream can seek. */
    void skip(long count) throws IOException {
        if (count < 0) {
            throw new IOException("negative skip " + count);
        }
        in.skipNBytes(count);
        position += count;
    }

    int u8() throws IOException {
        return bytes(1)[0] & 0xFF;
    }

    String ascii(int count) throws IOException {
        return new String(bytes(count), StandardCharsets.ISO_8859_1);
    }

    long u32le() throws IOException {
        return Integer.toUnsignedLong(buffer(4, ByteOrder.LITTLE_ENDIAN).getInt());
    }

    long u64le() throws IOException {
        return buffer(8, ByteOrder.LITTLE_ENDIAN).getLong();
    }

    long u32be() throws IOException {
        return Integer.toUnsignedLong(buffer(4, ByteOrder.BIG_ENDIAN).getInt());
    }

    long u64be() throws IOException {
        return buffer(8, ByteOrder.BIG_ENDIAN).getLong();
    }

    private ByteBuffer buffer(int count, ByteOrder order) throws IOException {
        return ByteBuffer.wrap(bytes(count)).order(order);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
