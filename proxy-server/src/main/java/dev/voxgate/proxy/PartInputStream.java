package dev.voxgate.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * A fresh stream over a multipart part that Jetty keeps in memory: its chunks, handed over as they are read, never
 * copied. Closing it before the end gives the rest back to Jetty's pool without building an exception: Jetty's own
 * {@code Content.Source.asInputStream()} fails the source with a new {@code IOException}, stack trace and all, on
 * every early close, and the audio check reads only the first bytes of every upload.
 *
 * <p>Not thread-safe; one per reader.
 */
final class PartInputStream extends InputStream {

    private static final Throwable CLOSED_EARLY = new ClosedEarly();

    private final Content.Source source;
    private Content.Chunk chunk;
    private boolean ended;

    PartInputStream(MultiPart.Part part) throws IOException {
        this.source = Objects.requireNonNull(part, "part").createContentSource();
        if (source == null) {
            throw new IOException("the part can no longer be read: it was failed or closed");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        while (!ended) {
            if (chunk == null) {
                chunk = next();
            }
            ByteBuffer content = chunk.getByteBuffer();
            if (content.hasRemaining()) {
                int count = Math.min(length, content.remaining());
                content.get(into, offset, count);
                return count;
            }
            ended = chunk.isLast();
            chunk.release();
            chunk = null;
        }
        return -1;
    }

    // A part kept in memory is all there: each read() of its source hands over a chunk at once.
    private Content.Chunk next() throws IOException {
        Content.Chunk next = source.read();
        if (next == null) {
            throw new IOException("the part's content is not all in memory");
        }
        if (Content.Chunk.isFailure(next)) {
            ended = true;
            throw new IOException("the part could not be read", next.getFailure());
        }
        return next;
    }

    @Override
    public void close() {
        if (chunk != null) {
            chunk.release();
            chunk = null;
        }
        if (!ended) {
            ended = true;
            source.fail(CLOSED_EARLY);
        }
    }

    /** Why a source closed before its end is failed: nobody reads it, so it needs no stack trace. */
    private static final class ClosedEarly extends IOException {
        ClosedEarly() {
            super("closed before its end", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
