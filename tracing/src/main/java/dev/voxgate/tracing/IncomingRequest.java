package dev.voxgate.tracing;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a server span is started from: the request line and where it came from, plus a look-up of its headers, from
 * which only the W3C trace context ({@code traceparent}, {@code tracestate}) is read.
 *
 * @param method        the HTTP method, e.g. {@code POST}
 * @param path          the path, without the query
 * @param scheme        {@code http} or {@code https}
 * @param serverAddress the host the client addressed
 * @param serverPort    the port the request came in on
 * @param clientAddress the peer's address
 * @param userAgent     the {@code User-Agent} header, if sent
 * @param header        a header's value by name, or null when it was not sent
 */
public record IncomingRequest(String method, String path, String scheme, String serverAddress, int serverPort,
                              String clientAddress, Optional<String> userAgent, Function<String, String> header) {
    public IncomingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(serverAddress, "serverAddress");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(header, "header");
    }
}
