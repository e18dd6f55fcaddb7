package dev.voxgate.providers.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Gathers a socket's small writes into chunks of {@value #CHUNK} bytes until the writer flushes. Okio hands a socket
 * its data one 8 KiB segment per {@code write}, so a 100 KiB upload cost 13 system calls, each waking the vendor's
 * side of a loopback or LAN connection; gathered, it costs two. The chunk is borrowed from a small shared pool when
 * a burst of writes begins and given back when the writer flushes (OkHttp flushes at the end of every request and
 * TLS after every record), so an idle connection holds no buffer.
 *
 * <p>One writer at a time, as a socket's output stream allows; {@link #close()} may come from another thread (a
 * timeout) and then only closes the socket: the chunk it might still be using is left to the garbage collector
 * rather than given to another connection.
 */
final class CoalescingOutputStream extends OutputStream {

    static final int CHUNK = 64 * 1024;
    private static final BlockingQueue<byte[]> SPARE_CHUNKS = new ArrayBlockingQueue<>(64);

    private final OutputStream socket;
    private byte[] chunk;
    private int length;

    CoalescingOutputStream(OutputStream socket) {
        this.socket = socket;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        if (chunk == null && count >= CHUNK) {
            socket.write(bytes, offset, count);
            return;
        }
        while (count > 0) {
            if (chunk == null) {
                chunk = borrowChunk();
            }
            int taken = Math.min(count, CHUNK - length);
            System.arraycopy(bytes, offset, chunk, length, taken);
            length += taken;
            offset += taken;
            count -= taken;
            if (length == CHUNK) {
                drain();
            }
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            drain();
        } finally {
            giveBackChunk();
        }
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void drain() throws IOException {
        if (length > 0) {
            int pending = length;
            length = 0;
            socket.write(chunk, 0, pending);
        }
    }

    private static byte[] borrowChunk() {
        byte[] spare = SPARE_CHUNKS.poll();
        return spare != null ? spare : new byte[CHUNK];
    }

    private void giveBackChunk() {
        if (chunk != null) {
            byte[] released = chunk;
            chunk = null;
            length = 0;
            SPARE_CHUNKS.offer(released);
        }
    }
}
