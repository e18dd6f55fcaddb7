package dev.voxgate.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.io.UncheckedIOException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A vendor's API played on a loopback port: each request goes to {@link #answer}, which checks it as strictly as
 * the vendor would and answers in the vendor's shape.
 */
abstract class LoopbackVendor implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();

    /** Starts listening at once; subclasses must be ready to answer when their constructor calls this one. */
    LoopbackVendor() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vendor's answer to {@code request}. */
    protected abstract MockResponse answer(RecordedRequest request);

    /**
     * The length of the PCM WAV file inside {@code body} (the upload itself, or a multipart form around it), as the
     * vendor measures what it received; empty when there is no readable WAV header.
     */
    static OptionalDouble wavSeconds(byte[] body) {
        ByteBuffer bytes = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int riff = indexOf(body, "RIFF".getBytes(StandardCharsets.US_ASCII), Math.min(body.length, 4096));
        if (riff < 0 || riff + 12 > body.length) {
            return OptionalDouble.empty();
        }
        int byteRate = 0;
        for (long at = riff + 12; at + 8 <= body.length; ) {
            int chunk = (int) at;
            String id = new String(body, chunk, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(bytes.getInt(chunk + 4));
            if (id.equals("fmt ") && chunk + 20 <= body.length) {
                byteRate = bytes.getInt(chunk + 16);
            } else if (id.equals("data") && byteRate > 0) {
                return OptionalDouble.of((double) Math.min(size, body.length - at - 8) / byteRate);
            }
            at += 8 + size + (size & 1);
        }
        return OptionalDouble.empty();
    }

    private static int indexOf(byte[] body, byte[] wanted, int within) {
        for (int i = 0; i + wanted.length <= within; i++) {
            if (Arrays.equals(body, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    final String root(String path) {
        String root = server.url("/").toString();
        return root.substring(0, root.length() - 1) + path;
    }

    /** Requests that reached the fake, accepted or not. */
    final int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public final void close() {
        server.close();
    }
}
