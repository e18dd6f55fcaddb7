package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescingOutputStreamTest {

    private static final int SEGMENT = 8 * 1024;

    /** What the socket was asked to do: the size of every write, the bytes, the flushes. */
    private static final class RecordingSocketStream extends ByteArrayOutputStream {
        final List<Integer> writes = new ArrayList<>();
        int flushes;

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writes.add(length);
            super.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void aHundredKibUploadInOkioSegmentsReachesTheSocketInTwoWrites() throws IOException {
        RecordingSocketStream socket = new RecordingSocketStream();
        CoalescingOutputStream out = new CoalescingOutputStream(socket);
        byte[] upload = ramp(100 * 1024);

        writeInSegments(out, upload);
        assertThat(socket.writes).as("one full chunk before the flush").containsExactly(CoalescingOutputStream.CHUNK);
        out.flush();

        assertThat(socket.writes).containsExactly(CoalescingOutputStream.CHUNK, upload.length - CoalescingOutputStream.CHUNK);
        assertThat(socket.toByteArray()).isEqualTo(upload);
        assertThat(socket.flushes).isEqualTo(1);
    }

    @Test
    void aLargeWriteWithNothingPendingGoesStraightThrough() throws IOException {
        RecordingSocketStream socket = new RecordingSocketStream();
        CoalescingOutputStream out = new CoalescingOutputStream(socket);
        byte[] big = ramp(300 * 1024);

        out.write(big, 0, big.length);
        out.flush();

        assertThat(socket.writes).containsExactly(big.length);
        assertThat(socket.toByteArray()).isEqualTo(big);
    }

    @Test
    void consecutiveRequestsOnOneConnectionKeepTheirBytesInOrder() throws IOException {
        RecordingSocketStream socket = new RecordingSocketStream();
        CoalescingOutputStream out = new CoalescingOutputStream(socket);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();

        for (int request = 0; request < 5; request++) {
            byte[] headers = ("POST /v1/audio/transcriptions HTTP/1.1\r\nX-Request: " + request + "\r\n\r\n").getBytes();
            byte[] body = ramp(20_000 + request * 40_000);
            Arrays.fill(body, 0, 10, (byte) request);
            out.write(headers, 0, headers.length);
            writeInSegments(out, body);
            out.write('\n');
            out.flush();
            expected.write(headers);
            expected.write(body);
            expected.write('\n');
            assertThat(socket.toByteArray()).as("everything written so far is on the socket after request " + request)
                    .isEqualTo(expected.toByteArray());
        }
        assertThat(socket.writes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(CoalescingOutputStream.CHUNK));
    }

    @Test
    void closeClosesTheSocket() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream socket = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new CoalescingOutputStream(socket).close();
        assertThat(closed[0]).isTrue();
    }

    private static void writeInSegments(CoalescingOutputStream out, byte[] bytes) throws IOException {
        for (int offset = 0; offset < bytes.length; offset += SEGMENT) {
            out.write(bytes, offset, Math.min(SEGMENT, bytes.length - offset));
        }
    }

    private static byte[] ramp(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 8));
        }
        return bytes;
    }
}
