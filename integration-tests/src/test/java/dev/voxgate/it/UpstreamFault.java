package dev.voxgate.it;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/**
 * The ways a vendor misbehaves, each with what the proxy answers when nothing else is left to try: the HTTP status
 * and OpenAI-style {@code error.code} of the README's failure semantics.
 */
enum UpstreamFault {
    CONNECTION_REFUSED(502, "upstream_unavailable"),
    RESET_DURING_UPLOAD(502, "upstream_unavailable"),
    CLOSED_AFTER_HEADERS(502, "upstream_unavailable"),
    TRUNCATED_JSON(502, "bad_upstream_response"),
    NOT_JSON(502, "bad_upstream_response"),
    HTML_INSTEAD_OF_A_TRANSCRIPT(502, "bad_upstream_response"),
    HTML_ERROR_PAGE(502, "upstream_unavailable"),
    RATE_LIMITED_WITH_RETRY_AFTER(429, "rate_limit_exceeded"),
    RATE_LIMITED_WITHOUT_RETRY_AFTER(429, "rate_limit_exceeded"),
    INTERNAL_ERROR_500(502, "upstream_unavailable"),
    BAD_GATEWAY_502(502, "upstream_unavailable"),
    UNAVAILABLE_503(503, "upstream_unavailable"),
    GATEWAY_TIMEOUT_504(504, "upstream_unavailable"),
    NEVER_ANSWERS(504, "upstream_timeout"),
    DRIPS_BYTE_BY_BYTE(504, "upstream_timeout");

    /** What the dripping vendor sends, a byte every 80 ms: about 3.5 s in all. */
    static final String DRIPPED_BODY = "{\"text\":\"slow but whole, one byte at a time\"}";
    private static final Duration DRIP_INTERVAL = Duration.ofMillis(80);

    private final int status;
    private final String code;

    UpstreamFault(int status, String code) {
        this.status = status;
        this.code = code;
    }

    /** The proxy's status when this fault is all there is. */
    int status() {
        return status;
    }

    /** The proxy's {@code error.code} when this fault is all there is. */
    String code() {
        return code;
    }

    /** Whether the vendor is reached at all (a refused connection never reaches it). */
    boolean reachesTheVendor() {
        return this != CONNECTION_REFUSED;
    }

    /** What a vendor with this fault answers; {@link #CONNECTION_REFUSED} has no vendor and answers nothing. */
    MockResponse response() {
        return switch (this) {
            case CONNECTION_REFUSED -> throw new IllegalStateException("a refused connection has no answer");
            case RESET_DURING_UPLOAD -> new MockResponse.Builder().onRequestBody(new SocketEffect.CloseSocket())
                    .build();
            case CLOSED_AFTER_HEADERS -> json(200, "{\"text\":\"cut short\"}").newBuilder()
                    .onResponseBody(new SocketEffect.CloseSocket()).build();
            case TRUNCATED_JSON -> json(200, "{\"text\":\"Four score and sev");
            case NOT_JSON -> json(200, "Service is up. Have a nice day.");
            case HTML_INSTEAD_OF_A_TRANSCRIPT -> html(200, "<html><body>Sign in to continue</body></html>");
            case HTML_ERROR_PAGE -> html(502, "<html><head><title>502 Bad Gateway</title></head><body><center>"
                    + "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
            case RATE_LIMITED_WITH_RETRY_AFTER -> error(429, "Rate limit reached for requests").newBuilder()
                    .addHeader("Retry-After", "1").build();
            case RATE_LIMITED_WITHOUT_RETRY_AFTER -> error(429, "Rate limit reached for requests");
            case INTERNAL_ERROR_500 -> error(500, "The server had an error while processing your request.");
            case BAD_GATEWAY_502 -> error(502, "Bad gateway.");
            case UNAVAILABLE_503 -> error(503, "The engine is currently overloaded, please try again later.");
            case GATEWAY_TIMEOUT_504 -> error(504, "Gateway timeout.");
            // FaultyVendor holds this one back until it closes.
            case NEVER_ANSWERS -> json(200, "{\"text\":\"too late\"}");
            case DRIPS_BYTE_BY_BYTE -> new MockResponse.Builder().code(200)
                    .addHeader("Content-Type", "application/json").body(new DrippedBody(DRIPPED_BODY)).build();
        };
    }

    /** A body written one byte at a time, flushed, then a pause; mockwebserver's throttle would slow the upload too. */
    private record DrippedBody(String text) implements MockResponseBody {
        @Override
        public long getContentLength() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                sink.writeByte(b).flush();
                try {
                    Thread.sleep(DRIP_INTERVAL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("the drip was interrupted");
                }
            }
        }
    }

    private static MockResponse error(int status, String message) {
        return json(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\",\"param\":null,"
                + "\"code\":null}}");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body)
                .build();
    }

    private static MockResponse html(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "text/html").body(body).build();
    }
}
