package dev.voxgate.providers.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * The sockets the proxy opens to vendors (TLS, when the vendor uses it, is layered on top by OkHttp):
 * <ul>
 *   <li>Nagle's algorithm off ({@code TCP_NODELAY}). OkHttp leaves it on, and a multipart upload ends in a short
 *       write (the last bytes of the file and the closing boundary) that Nagle holds back until the vendor
 *       acknowledges the previous segment, which a delayed ACK puts off by up to 40 ms: measured through the proxy,
 *       44 ms p50 for a 100 KiB upload at concurrency 1 against 0.1 ms direct.</li>
 *   <li>Writes gathered into 64 KiB chunks until the writer flushes ({@link CoalescingOutputStream}): Okio writes one
 *       8 KiB segment per system call. Measured with {@code bench/run.sh} (100 KiB uploads, 64 clients): proxy CPU
 *       per request 335 → 273 µs, the upstream's halved, throughput +27%.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless.
 */
public final class UpstreamSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
        return tuned(new CoalescingSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    /** A tuned socket bound to {@code local} (any local address when null) and connected to {@code remote}. */
    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    private static Socket tuned(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static final class CoalescingSocket extends Socket {
        private OutputStream output;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new CoalescingOutputStream(super.getOutputStream());
            }
            return output;
        }
    }
}
