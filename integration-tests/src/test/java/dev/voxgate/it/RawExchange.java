package dev.voxgate.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * One exchange over a plain socket, for requests no HTTP client would send: the head and body are written as given,
 * the client side is then half-closed, and the status line is read back.
 *
 * @param statusLine the first line the proxy answered, empty when it closed without answering
 */
record RawExchange(String statusLine) {

    private static final int PATIENCE_MILLIS = 20_000;

    static RawExchange send(int port, String head, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), PATIENCE_MILLIS);
            socket.setSoTimeout(PATIENCE_MILLIS);
            socket.getOutputStream().write((head + body).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            return new RawExchange(line == null ? "" : line);
        } catch (SocketException reset) {
            // The proxy dropped the connection without an answer, which is fine for a broken request.
            return new RawExchange("");
        }
    }
}
